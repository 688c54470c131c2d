  // ---- Family names, and the common words their syllables also make ----

  /* The family names a name typed in Title Case starts with (cased.js: nameWordsOf), written down
     once: the query reads them here and the tests read them through the script (FAMILY_NAMES).
     The common Kinh names and those of the ethnic minorities (Thái, Tày, Mường, H'Mông, Dao: Lò,
     Lường, Sầm, Cầm, Quàng, Giàng, Sùng, Thào; of the Central Highlands, HIGHLANDS: Gia Rai's first,
     "Ksor Phước", "Siu Hoa", "Nay Phi La", "Rơ Châm …"; Ê Đê's after the given name and its prefix,
     "Y Ngông Niê Kdăm": NAME_PREFIXES). Many are also syllables of common words ("Hồ Sơ", "Lý
     Luận", "Đào Tạo", "Quản Lý", "Hôm Nay"): those are told by FAMILY_WORDS. */
  var FAMILY_NAMES = ["nguyễn", "trần", "lê", "phạm", "hoàng", "huỳnh", "phan", "vũ", "võ", "đặng", "bùi",
    "đỗ", "hồ", "ngô", "dương", "lý", "đào", "đoàn", "vương", "trịnh", "trương", "lâm", "phùng", "mai", "tô",
    "hà", "tạ", "lưu", "cao", "quách", "thái", "lạc", "kiều", "châu", "triệu", "đinh", "lương", "la", "tăng",
    "chu", "văn", "nông", "lò", "sầm", "hứa", "tôn", "khổng", "mạc", "diệp", "nghiêm", "doãn", "khúc", "lường",
    "cầm", "quàng", "giàng", "sùng", "thào", "niê", "ksor", "êban", "mlô", "byă", "rmah", "siu", "nay", "rơ",
    "kpă", "rahlan"];
  /* Of those, the Central Highlands' (Ê Đê, Gia Rai): inside a name begun by a prefix they are its
     family name ("Y Thanh Hà Niê Kđăm"), where another family name starts a second name. */
  var HIGHLANDS = ["niê", "êban", "mlô", "byă", "ksor", "rmah", "siu", "nay", "rơ", "kpă", "rahlan"];

  /* The prefixes of Ê Đê, M'nông, Gia Rai, Cơ Ho and Mạ names, before the given name: "Y" of men
     ("Y Ngông Niê Kdăm", "Y Biêr Niê", "Y Thanh Hà Niê Kđăm"), "H'" of women ("H’Hen Niê",
     "H'Linh Niê"), "K'" of Cơ Ho and Mạ men ("K’Thương", "K'Điều"), typed in capitals; "H" and "K"
     only with their apostrophe (' or ’, a space after it or not: query.js primesOf), as articles
     write them. Such a prefix before a word typed with a capital is a name's first word (cased.js:
     namePrefixes) unless the two make a common word ("Y Tế", FAMILY_WORDS; "Quân Y"), or the name of
     a people (PEOPLES: "H'Mông"). */
  var NAME_PREFIXES = [{ text: "Y", primed: false }, { text: "H", primed: true }, { text: "K", primed: true }];
  var PEOPLES = ["H'Mông", "H'Rê", "K'Ho"];

  /* Common words one of whose two syllables is spelt as a family name (compared folded, so that a
     slipped mark is still the word: "Lê Hội" is "lễ hội"). Such a family name starts no name
     where it makes one of them with the word after it ("Hồ Sơ Cán Bộ") or before it ("Quản Lý
     Nhà Nước", "Tuyên Dương Gương Sáng"). */
  var FAMILY_WORDS = [
    // after the family name
    "hồ sơ", "hồ chứa", "hồ nước", "hồ hởi", "lý luận", "lý do", "lý tưởng", "lý lịch", "lý thuyết",
    "lý trí", "lý giải", "lý lẽ", "lễ hội", "lễ tân", "lễ phép", "lễ nghi", "lễ đài", "lễ kỷ", "đào tạo",
    "đào sâu", "đoàn kết", "đoàn thể", "đoàn viên", "đoàn thanh", "đoàn công", "đoàn đại", "dương tính",
    "dương lịch", "nông thôn", "nông nghiệp", "nông dân", "nông sản", "nông lâm", "nông hộ", "cao điểm",
    "cao su", "cao tốc", "cao trào", "cao cấp", "cao đẳng", "cao nguyên", "cao độ", "cao quý", "cao cả",
    "cao thượng", "cao niên", "cao tuổi", "thái độ", "thái dương", "châu lục", "châu á", "châu âu",
    "châu phi", "châu mỹ", "châu báu", "châu thổ", "lạc hậu", "lạc quan", "lạc lõng", "lạc đà", "hà khắc",
    "la bàn", "la liệt", "tăng cường", "tăng trưởng", "tăng thu", "tăng tốc", "tăng giá", "tăng ni",
    "chu đáo", "chu kỳ", "chu toàn", "chu trình", "chu vi", "chu cấp", "hứa hẹn", "kiều bào", "kiều hối",
    "văn hóa", "văn bản", "văn kiện", "văn phòng", "văn nghệ", "văn minh", "văn học", "văn chương",
    "văn thư", "văn tự", "văn hiến", "văn miếu", "lò gạch", "lò sưởi", "lò rèn", "lò mổ", "lò đốt",
    "sầm uất", "vương quốc", "vương miện", "vương vấn", "trịnh trọng", "lâm nghiệp", "lâm sàng",
    "lâm thời", "lâm nguy", "lâm sản", "lâm trường", "mai táng", "mai sau", "tô điểm", "tô màu",
    "tô thắm", "tô đậm", "tạ ơn", "lưu ý", "lưu trữ", "lưu giữ", "lưu niệm", "lưu động", "lưu thông",
    "lưu hành", "lưu truyền", "lưu vực", "lưu trú", "lưu học", "lưu luyến", "triệu tập", "triệu chứng",
    "triệu đồng", "triệu phú", "đinh ninh", "lương thực", "lương tâm", "lương y", "lương hưu",
    "lương bổng", "lương thiện", "hoàng hôn", "hoàng gia", "hoàng cung", "hoàng đế", "hoàng kim",
    "huỳnh quang", "vũ trụ", "vũ khí", "vũ trang", "vũ điệu", "vũ bão", "vũ đài", "võ thuật", "võ sĩ",
    "đỗ xe", "đỗ đạt", "bùi ngùi", "trần nhà", "trần thuật", "trần tình", "phạm vi", "phạm pháp",
    "phạm tội", "phạm nhân", "phạm quy", "trương mục", "tôn vinh", "tôn trọng", "tôn giáo", "tôn chỉ",
    "tôn tạo", "tôn nghiêm", "tôn kính", "tôn sùng", "tôn thờ", "khổng lồ", "diệp lục", "nghiêm túc",
    "nghiêm trọng", "nghiêm khắc", "nghiêm minh", "nghiêm cấm", "khúc ca", "khúc hát", "khúc mắc",
    "khúc quân", "cầm quyền", "cầm đầu", "cầm tay", "đoàn khối", "đoàn kiểm", "đoàn giám", "châu thành",
    "cao học", "cao nhất", "văn bằng", "mai một", "phạm trù", "hoàng thành", "tăng lương", "tăng ca",
    "lương cơ", "chu niên", "vũ hội", "nay mai", "rõ ràng", "rõ rệt",
    // after the prefix "Y" (NAME_PREFIXES)
    "y tế", "y học", "y khoa", "y sĩ", "y bác", "y tá", "y đức", "y dược", "y sinh", "y lệnh", "y án",
    "y nguyên", "y hệt", "y như", "y phục", "y viện", "y thuật", "y bạ",
    // before it
    "quản lý", "xử lý", "đại lý", "tâm lý", "địa lý", "vật lý", "hợp lý", "pháp lý", "chân lý",
    "nguyên lý", "đạo lý", "thụ lý", "trợ lý", "tuyên dương", "biểu dương", "đại dương", "công đoàn",
    "tập đoàn", "quân đoàn", "binh đoàn", "sư đoàn", "phái đoàn", "hoa đào", "khuyến nông", "nâng cao",
    "đề cao", "tối cao", "vùng cao", "chiều cao", "trạng thái", "sinh thái", "hình thái", "liên lạc",
    "sơn hà", "công văn", "luận văn", "thiên văn", "nhân văn", "thủy văn", "đồng hồ", "ao hồ", "ngày mai",
    "hoa mai", "cảm tạ", "giao lưu", "hạ lưu", "thượng lưu", "hàng triệu", "tiền lương",
    "huy hoàng", "ca vũ", "khiêu vũ", "thi đỗ", "vi phạm", "xâm phạm", "sư phạm", "tội phạm",
    "chủ trương", "khai trương", "phô trương", "tang lễ", "nghi lễ", "ngày lễ", "trang nghiêm", "năm châu",
    "hôm nay", "ngày nay", "hiện nay", "xưa nay", "lâu nay", "bấy nay", "từ nay", "đến nay", "trước nay",
    "đông y", "tây y", "quân y", "thú y", "danh y"];
  var FAMILY_WORD_PAIRS = new Set(FAMILY_WORDS.concat(PEOPLES).map(function (w) { return tokenize(w).map(fold).join(" "); }));

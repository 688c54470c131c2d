// The masthead's date: see _head.html
(function () {
  var node = document.getElementById("hom-nay");
  if (!node) return;
  var days = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  var now = new Date();
  function two(n) { return (n < 10 ? "0" : "") + n; }
  node.textContent = days[now.getDay()] + ", " + two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" +
    now.getFullYear();
})();

// The masthead's date: see _head.html
(function () {
  var node = document.getElementById("hom-nay");
  if (!node) return;
  var days = ["Chủ Nhật", "Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy"];
  var now = new Date();
  function two(n) { return (n < 10 ? "0" : "") + n; }
  node.textContent = days[now.getDay()] + ", " + two(now.getDate()) + "/" + two(now.getMonth() + 1) + "/" +
    now.getFullYear();
})();

// Escape closes the pager's open list of numbers (a phone's "Trang 6/84 ▾", pager.css) and gives the focus
// back to its button: a <details> closes only by its button. Not where the numbers stand in the row.
document.addEventListener("keydown", function (event) {
  var open = event.key === "Escape" && document.querySelector(".pager-jump[open]");
  var button = open && open.querySelector("summary");
  if (!button || !button.getClientRects().length) return;
  open.open = false;
  button.focus();
});

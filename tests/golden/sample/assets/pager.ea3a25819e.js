// Linked with pager.css (base.html): the phone's open list of pages closes as a menu does, on Escape (the
// focus back on its button) and on a tap or click outside it
document.addEventListener("keydown", function (e) {
  var open = e.key == "Escape" && document.querySelector(".pager-jump[open]"), button = open && open.firstElementChild;
  if (!button || !button.getClientRects().length) return;
  open.open = false;
  button.focus();
});
document.addEventListener("click", function (e) {
  var open = document.querySelector(".pager-jump[open]");
  if (open && !open.contains(e.target)) open.open = false;
});

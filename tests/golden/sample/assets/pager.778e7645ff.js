// Linked with pager.css (base.html): Escape closes the phone's open list of pages and gives the focus back to its button
document.addEventListener("keydown", function (e) {
  var open = e.key == "Escape" && document.querySelector(".pager-jump[open]"), button = open && open.firstElementChild;
  if (!button || !button.getClientRects().length) return;
  open.open = false;
  button.focus();
});

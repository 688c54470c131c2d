  // What a screen reader says in the editor, in Vietnamese: react-select's and dnd-kit's words are English.

  // [pattern, replacement] of the English sentences, in the order they are tried; "$1" … as in replace.
  var SPOKEN = [
    // dnd-kit (the list fields' drag handles): the instructions and what it announces.
    [/^\s*To pick up a draggable item, press the space bar\.[\s\S]*$/,
     "Để nhấc một mục lên, bấm phím cách. Khi đang kéo, dùng các phím mũi tên để di chuyển mục. Bấm phím " +
     "cách lần nữa để đặt mục vào chỗ mới, hoặc bấm Esc để thôi."],
    [/^Picked up draggable item (.*)\.$/, "Đã nhấc mục $1."],
    [/^Draggable item (.*) was moved over droppable area (.*)\.$/, "Mục $1 đang ở trên vùng $2."],
    [/^Draggable item (.*) is no longer over a droppable area\.$/, "Mục $1 không còn ở trên vùng nào."],
    [/^Draggable item (.*) was dropped over droppable area (.*)$/, "Đã đặt mục $1 vào vùng $2."],
    [/^Dragging was cancelled\. Draggable item (.*) was dropped\.$/, "Đã thôi kéo. Mục $1 trở về chỗ cũ."],
    [/^Draggable item (.*) was dropped\.$/, "Đã đặt mục $1."],
    // react-select (provinces, directives): its live region and its remove buttons.
    [/^options? (.*), selected\.$/, "Đã chọn $1."],
    [/^option (.*), deselected\.$/, "Đã bỏ $1."],
    [/^option (.*) is disabled\. Select another option\.$/, "Không chọn được $1. Hãy chọn mục khác."],
    [/^All selected options have been cleared\.$/, "Đã bỏ mọi mục đã chọn."],
    [/^value (.*) focused, (\d+) of (\d+)\.$/, "Mục đã chọn $1, thứ $2 trên $3."],
    [/^(.*), (\d+) of (\d+)\.$/, "$1, thứ $2 trên $3."],
    [/^(\d+) results? available for search term (.*)\.$/, "Có $1 lựa chọn cho “$2”."],
    [/^(\d+) results? available\.$/, "Có $1 lựa chọn."],
    [/^No options for search term (.*)\.$/, "Không có lựa chọn nào cho “$1”."],
    [/^Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit the menu(, press Tab to select the option and exit the menu)?\.$/,
     "Dùng mũi tên lên, xuống để tìm mục, Enter để chọn mục đang đứng, Esc để đóng danh sách."],
    [/^(.*) is focused ?(?:,type to refine list)?, press Down to open the menu,\s*(press left to focus selected values)?$/,
     function (all, field, values) {
       return "Đang ở ô " + field + ": gõ để lọc, bấm mũi tên xuống để mở danh sách" +
         (values ? ", mũi tên trái để tới các mục đã chọn." : ".");
     }],
    [/^Use left and right to toggle between focused values, press Backspace to remove the currently focused value$/,
     "Dùng mũi tên trái, phải để đi qua các mục đã chọn, Backspace để bỏ mục đang đứng."],
  ];
  var SPOKEN_LABELS = [[/^Remove (.+)$/, "Bỏ $1"]];
  // A field's box is labelled by its widget's name ("ô lamtheobac-datetime", VI's widgetLabel): a screen
  // reader said a program's word; the label is taken off (the field's <label> names its input).
  var WIDGET_LABEL = /^ô [a-z][\w-]*$/;
  // The elements whose text is spoken only (react-select's live region, dnd-kit's).
  var SPOKEN_PLACES = "#aria-selection,#aria-focused,#aria-results,#aria-guidance,[id^=DndDescribedBy-],[id^=DndLiveRegion-]";

  /* text in Vietnamese by rules (SPOKEN or SPOKEN_LABELS), or as it was. */
  function spokenText(text, rules) {
    for (var i = 0; i < rules.length; i++) {
      if (rules[i][0].test(text)) {
        return text.replace(rules[i][0], rules[i][1]);
      }
    }
    return text;
  }

  /* Decap's buttons that show an icon and have no name (a screen reader said "nút", and no more): a list
   * item's bar (fold, drag, remove: "Ảnh đại diện" could not be told how to be taken away), the body's
   * menus and its Markdown switch, named by their place. A name Decap gives is kept. */
  var ITEM_BAR = "[class*=ListItemTopBar]";
  // The body's menus, by their button's title (VI): not the title's words again ("Tiêu đề" is the field's).
  var MENUS = { "Tiêu đề": "Chọn cấp đề mục", "Chèn thành phần": "Chọn thành phần để chèn" };
  function named(el, text) {
    if (el && !el.getAttribute("aria-label") && !el.textContent.trim()) {
      el.setAttribute("aria-label", text);
    }
  }
  function fieldName(el) {
    var box = el.closest("[class*=-ControlContainer]");
    var label = box && box.querySelector("label");
    return label ? label.textContent.replace(/\s*\([^()]*\)\s*$/, "").trim() : "";
  }
  /* The elements under root matching selector, and root's nearest ancestor (or itself) that does: what a
   * change at root can touch, without a look through its parent's other children (a list of many articles). */
  function touched(root, selector) {
    var found = Array.prototype.slice.call(root.querySelectorAll(selector));
    var up = root.closest(selector);
    return up ? found.concat([up]) : found;
  }
  function nameControls(root) {
    touched(root, ITEM_BAR).forEach(function (bar) {
      var field = fieldName(bar);
      var item = field ? "mục “" + field + "”" : "mục";
      var buttons = bar.querySelectorAll("button");
      named(buttons[0], "Đóng/mở " + item);
      named(bar.querySelector("[aria-roledescription=sortable]"), "Kéo để đổi chỗ " + item);
      if (buttons.length > 1) {
        named(buttons[buttons.length - 1], "Bỏ " + item + " này");
      }
    });
    touched(root, "[role=button][aria-haspopup]").forEach(function (menu) {
      var inner = menu.querySelector("button[title]");
      named(menu, MENUS[inner && inner.getAttribute("title")] || "Mở danh sách để chọn");
    });
    touched(root, "[role=switch][class*=ToolbarToggle]").forEach(function (toggle) {
      named(toggle, "Soạn bằng Markdown");  // on: Markdown; off: the rich-text mode
    });
  }

  /* Rewrites in place (React keeps its nodes: a text node's value, an attribute) what screen readers say. */
  function spokenInVietnamese(win) {
    var doc = win.document;
    if (typeof win.MutationObserver !== "function" || !doc.body) {
      return;
    }
    var label = function (el) {
      var old = el.getAttribute("aria-label");
      var said = old && spokenText(old, SPOKEN_LABELS);
      if (said && WIDGET_LABEL.test(said)) {  // its <label> names the field (a name twice would be read twice)
        el.removeAttribute("aria-label");
        return;
      }
      if (said && said !== old) {
        el.setAttribute("aria-label", said);
      }
    };
    var text = function (node) {
      var parent = node.parentElement;
      if (parent && typeof parent.closest === "function" && parent.closest(SPOKEN_PLACES)) {
        var said = spokenText(node.nodeValue, SPOKEN);
        if (said !== node.nodeValue) {
          node.nodeValue = said;
        }
      }
    };
    var walk = function (root) {
      if (root.nodeType === 3) {
        text(root);
        return;
      }
      if (root.nodeType !== 1) {
        return;
      }
      if (root.hasAttribute("aria-label")) {
        label(root);
      }
      Array.prototype.forEach.call(root.querySelectorAll("[aria-label]"), label);
      nameControls(root);
      Array.prototype.forEach.call(root.querySelectorAll(SPOKEN_PLACES), function (place) {
        var nodes = doc.createTreeWalker(place, 4);
        while (nodes.nextNode()) {
          text(nodes.currentNode);
        }
      });
      if (typeof root.closest === "function" && root.closest(SPOKEN_PLACES)) {
        Array.prototype.forEach.call(root.childNodes, function (child) { if (child.nodeType === 3) text(child); });
      }
    };
    walk(doc.body);
    new win.MutationObserver(function (records) {
      records.forEach(function (record) {
        if (record.type === "attributes") {
          label(record.target);
        } else if (record.type === "characterData") {
          text(record.target);
        } else {
          Array.prototype.forEach.call(record.addedNodes, walk);
        }
      });
    }).observe(doc.body, { childList: true, subtree: true, characterData: true, attributes: true,
                           attributeFilter: ["aria-label"] });
  }

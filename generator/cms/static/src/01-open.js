/* lamtheobac-cms.js: what Decap CMS needs to write this project's articles exactly as the build reads them.
 *
 * - Format "lamtheobac-md": front matter read with js-yaml as text, like the build (the switches'
 *   yes/no/true/false as booleans), and written in the project's flat style (the one
 *   `lamtheobac new` writes): every text double-quoted, lists in brackets, empty values left out, dates
 *   in the site's UTC offset. Decap's own YAML writer follows YAML 1.2, where a title "yes" or a tag
 *   "12:30" would be read back by the build as a boolean or a number.
 *   "source" and "image" are edited as lists of at most one item (Decap checks the required parts of an
 *   optional object even when it is empty) and stored as the tables the build reads.
 * - Widget "lamtheobac-tags": free tags with the existing ones suggested (Decap has no such widget).
 * - Vietnamese for the phrases Decap's "vi" locale lacks.
 * - The body opens in Decap's Markdown (raw) mode unless the editor chose the rich-text one.
 * - Saves and deletions carry the id of each file as this tab read it ("baseIds", local backend only): the
 *   backend refuses to write over or delete a file changed since (in another tab, by `import`, in a text editor).
 *
 * The pure functions also run under node (tests/test_cms.py checks what they write against the build).
 */
(function (root, factory) {
  "use strict";
  var api = factory(function () { return root.jsyaml || require("js-yaml"); });
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.LamTheoBac = api;
    api.register(root);
  }
})(typeof globalThis !== "undefined" ? globalThis : this, function (yaml) {
  "use strict";

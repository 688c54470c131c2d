/* Search page of the portal: queries the static index built by generator/search.
 *
 * Folding rules and key hashes are the twins of generator/search/text.py (prepare,
 * tokenize, fold, toneKey, keyHash, mix); tests/test_search.py runs both on the same
 * cases, so keep them identical. The index format is described in
 * generator/search/format.py. Loaded with `defer` on the search page only; no inline
 * code (the site's CSP is script-src 'self').
 */
(function (root) {
  "use strict";


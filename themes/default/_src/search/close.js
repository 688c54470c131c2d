})(typeof globalThis !== "undefined" ? globalThis : this);

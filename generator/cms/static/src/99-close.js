  // What the factory gives node (tests) and the page.
  return { fromFile: fromFile, toFile: toFile, remember: remember, addressOf: addressOf, refusedText: refusedText, fold: fold, addTag: addTag, cleanPasted: cleanPasted, pastedMarkdown: pastedMarkdown, inOffset: inOffset,
           shownDate: shownDate, shortDate: shortDate, dateline: dateline, iframeSrc: iframeSrc, markEmbeds: markEmbeds, backupKey: backupKey, notice: notice,
           wallClock: wallClock, siteNow: siteNow, dayFirst: dayFirst, fromDayFirst: fromDayFirst,
           withDefaults: withDefaults, limits: limits, presetMode: presetMode, attachmentComponent: attachmentComponent, placeDocuments: placeDocuments, safeFileName: safeFileName, misnamedDocument: misnamedDocument,
           spelledOption: spelledOption, withTyped: withTyped, unreadableText: unreadableText, salvaged: salvaged, salvagedText: salvagedText, toneStyled: toneStyled, spokenText: spokenText, SPOKEN: SPOKEN,
           register: register };
});

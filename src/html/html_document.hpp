// One self-contained HTML document: the style, uPlot, the page script and its data inlined, and
// a Content-Security-Policy that lets nothing load from anywhere (no network, no file), so the
// page opens alike from a mail attachment, offline, in any current browser.
#pragma once

#include <string>
#include <string_view>

namespace albsim {

// `data_json` is a JSON text (the page script reads it from the element #albsim-data).
std::string html_document(std::string_view title, std::string_view data_json);

}  // namespace albsim

// The texts the HTML report inlines, compiled into the program (cmake/EmbedText.cmake): uPlot
// (from the npm registry, installed by tools/setup.sh into tools/html/node_modules) and the
// page's own script and style (src/html/report_page.js, report_page.css).
#pragma once

#include <string_view>

namespace albsim::embedded {

std::string_view uplot_js();
std::string_view uplot_css();
std::string_view uplot_license();
std::string_view page_js();
std::string_view page_css();

}  // namespace albsim::embedded

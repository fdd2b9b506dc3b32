#include "html/html_document.hpp"

#include "html/embedded_assets.hpp"

namespace albsim {
namespace {

// Text inside <title>.
std::string escaped_text(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '<')
      out += "&lt;";
    else if (c == '>')
      out += "&gt;";
    else if (c == '&')
      out += "&amp;";
    else
      out += c;
  }
  return out;
}

// A JSON text inside <script>: "</" would end the element, so every '<' is written as \u003c
// (the same string to JSON.parse).
std::string script_safe_json(std::string_view json) {
  std::string out;
  out.reserve(json.size());
  for (const char c : json) {
    if (c == '<')
      out += "\\u003c";
    else
      out += c;
  }
  return out;
}

}  // namespace

std::string html_document(std::string_view title, std::string_view data_json) {
  std::string page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  page +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n";
  page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
  page += escaped_text(title);
  page += "</title>\n<style>\n";
  page += embedded::uplot_css();
  page += "\n";
  page += embedded::page_css();
  page += "</style>\n</head>\n<body>\n<main id=\"report\"></main>\n";
  page += "<script type=\"application/json\" id=\"albsim-data\">";
  page += script_safe_json(data_json);
  page += "</script>\n<script>\n/* uPlot, MIT License:\n";
  page += embedded::uplot_license();
  page += "*/\n";
  page += embedded::uplot_js();
  page += "\n</script>\n<script>\n";
  page += embedded::page_js();
  page += "</script>\n</body>\n</html>\n";
  return page;
}

}  // namespace albsim

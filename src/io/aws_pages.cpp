#include "io/aws_pages.hpp"

#include "albsim/input_error.hpp"
#include "io/read_file.hpp"

namespace albsim {

nlohmann::ordered_json read_json_file(const std::string& path) {
  try {
    return parse_ordered_json(read_file(path, "file", kMaxJsonBytes));
  } catch (const ReadError& e) {
    throw InputError(path, "", e.what());
  }
}

nlohmann::ordered_json& page_items(nlohmann::ordered_json& page, const std::string& file,
                                   const std::string& key) {
  if (!page.is_object() || !page.contains(key) || !page[key].is_array())
    throw InputError(file, "/" + key, "missing: is this the right AWS CLI output?");
  return page[key];
}

bool page_continues(const nlohmann::ordered_json& page) {
  return page.contains("NextToken") && page["NextToken"].is_string() &&
         !page["NextToken"].get<std::string>().empty();
}

}  // namespace albsim

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

std::vector<PagedItem> paged_items(const std::vector<std::string>& files, const std::string& key,
                                   bool& last_page_continues) {
  std::vector<PagedItem> out;
  last_page_continues = false;
  for (const std::string& file : files) {
    const nlohmann::ordered_json doc = read_json_file(file);
    if (!doc.is_object() || !doc.contains(key) || !doc[key].is_array())
      throw InputError(file, "/" + key, "missing: is this the right AWS CLI output?");
    const auto& list = doc[key];
    for (std::size_t i = 0; i < list.size(); ++i)
      out.push_back({list[i], file, "/" + key + "/" + std::to_string(i)});
    last_page_continues = doc.contains("NextToken") && doc["NextToken"].is_string() &&
                          !doc["NextToken"].get<std::string>().empty();
  }
  return out;
}

}  // namespace albsim

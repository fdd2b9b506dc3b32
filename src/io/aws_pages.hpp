// Reading the AWS CLI's JSON output: a file as one document, and the array a paged command
// returns (`key`) gathered from every page given, each item with its file and JSON pointer.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace albsim {

// The JSON document in `path`. Throws InputError naming the file.
nlohmann::ordered_json read_json_file(const std::string& path);

struct PagedItem {
  nlohmann::ordered_json value;
  std::string file;
  std::string pointer;  // "/<key>/<index>"
};

// Every item of the array `key` of every page, in order. Throws InputError naming the file and
// `/key` when a page has no such array. `last_page_continues` is set when the last page still
// has a NextToken (the output was cut short: more pages exist than were given).
std::vector<PagedItem> paged_items(const std::vector<std::string>& files, const std::string& key,
                                   bool& last_page_continues);

}  // namespace albsim

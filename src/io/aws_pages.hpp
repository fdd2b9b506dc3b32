// Reading the AWS CLI's JSON output: a file as one document, and the array a paged command
// returns (`key`) read from every page given, each item with its file and JSON pointer.
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

// Calls `visit(PagedItem&)` for every item of the array `key` of every page, in order, one page
// in memory at a time. Throws InputError naming the file and `/key` when a page has no such
// array. Returns true when the last page still has a NextToken (the output was cut short: more
// pages exist than were given).
template <class Visit>
bool for_each_paged_item(const std::vector<std::string>& files, const std::string& key,
                         Visit&& visit);

// One page's array `key`, checked; for for_each_paged_item.
nlohmann::ordered_json& page_items(nlohmann::ordered_json& page, const std::string& file,
                                   const std::string& key);
bool page_continues(const nlohmann::ordered_json& page);

// Why `doc` has no `key` array, and what to pass instead: "missing: ..." naming the AWS CLI
// command that prints `key`, and what `doc` is when it can tell (another command's output, or
// the output wrapped by a tool under "data", "Data", "body", "result" or "response").
std::string missing_aws_array(const nlohmann::ordered_json& doc, const std::string& key);

// "; this file is the output of aws ec2 describe-addresses (\"Addresses\")", or "; here it is
// wrapped under \"data\" ...", for a document that holds none of `keys`; "" when it cannot tell.
std::string what_aws_output_is(const nlohmann::ordered_json& doc,
                               std::initializer_list<const char*> keys);

template <class Visit>
bool for_each_paged_item(const std::vector<std::string>& files, const std::string& key,
                         Visit&& visit) {
  bool continues = false;
  for (const std::string& file : files) {
    nlohmann::ordered_json page = read_json_file(file);
    nlohmann::ordered_json& list = page_items(page, file, key);
    for (std::size_t i = 0; i < list.size(); ++i) {
      PagedItem item{std::move(list[i]), file, "/" + key + "/" + std::to_string(i)};
      visit(item);
    }
    continues = page_continues(page);
  }
  return continues;
}

}  // namespace albsim

#include "observe/eni_directory.hpp"

#include "albsim/input_error.hpp"
#include "import/json_fields.hpp"
#include "io/aws_pages.hpp"

namespace albsim {

EniDirectory::EniDirectory(const std::vector<std::string>& files) {
  for (const std::string& file : files) {
    const bool continues =
        for_each_paged_item({file}, "NetworkInterfaces", [&](const PagedItem& item) {
          enis_[text(item.value, "NetworkInterfaceId")] = {text(item.value, "Description"),
                                                           text(item.value, "RequesterId"),
                                                           item.file + ": " + item.pointer};
        });
    if (continues)
      throw InputError(file, "/NextToken",
                       "this output is one page of several; save the whole output (drop "
                       "--max-items and --no-paginate)");
  }
}

const DescribedEni* EniDirectory::find(const std::string& id) const {
  const auto it = enis_.find(id);
  return it == enis_.end() ? nullptr : &it->second;
}

}  // namespace albsim

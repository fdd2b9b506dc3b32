#include "ipam/pool_forest.hpp"

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/depth_first_search.hpp>
#include <boost/graph/topological_sort.hpp>
#include <iterator>

namespace albsim {
namespace {

using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::directedS>;
using Vertex = boost::graph_traits<Graph>::vertex_descriptor;

struct CycleFinder : boost::default_dfs_visitor {
  std::optional<std::size_t>* found;
  explicit CycleFinder(std::optional<std::size_t>* out) : found(out) {}
  template <class Edge, class G>
  void back_edge(Edge e, const G& g) {
    if (!*found) *found = boost::target(e, g);
  }
};

}  // namespace

PoolForest analyse_pool_forest(const std::vector<std::optional<std::size_t>>& parent) {
  const std::size_t n = parent.size();
  Graph graph(n);
  for (std::size_t child = 0; child < n; ++child)
    if (parent[child]) boost::add_edge(*parent[child], child, graph);  // parent -> child

  PoolForest forest;
  std::optional<std::size_t> on_cycle;
  boost::depth_first_search(graph, boost::visitor(CycleFinder(&on_cycle)));
  if (on_cycle) {
    forest.fault = PoolForest::Fault::cycle;
    forest.fault_pool = *on_cycle;
    return forest;
  }

  std::vector<Vertex> reverse_order;
  boost::topological_sort(graph, std::back_inserter(reverse_order));
  forest.top_down.assign(reverse_order.rbegin(), reverse_order.rend());
  forest.depth.assign(n, 1);
  for (const std::size_t pool : forest.top_down) {
    if (parent[pool]) forest.depth[pool] = forest.depth[*parent[pool]] + 1;
  }
  for (const std::size_t pool : forest.top_down) {
    if (forest.depth[pool] > kMaxPoolDepth) {
      forest.fault = PoolForest::Fault::too_deep;
      forest.fault_pool = pool;
      break;
    }
  }
  return forest;
}

}  // namespace albsim

// Flow logs: recorded as AWS records them; no traffic flows, so none is delivered.
#include <array>

#include "services/ec2/describe.hpp"
#include "services/ec2/ec2.hpp"

namespace understudy::ec2 {
namespace {

constexpr std::array<FilterField, 6> kFlowLogFilters{{
    {"deliver-log-status", "DeliverLogsStatus"},
    {"log-destination-type", "LogDestinationType"},
    {"flow-log-id", "FlowLogId"},
    {"log-group-name", "LogGroupName"},
    {"resource-id", "ResourceId"},
    {"traffic-type", "TrafficType"},
}};

constexpr const char* kDefaultFormat =
    "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} "
    "${bytes} ${start} ${end} ${action} ${log-status}";

const Kind& kind_for_resource_type(const std::string& type) {
  if (type == "VPC") return kinds::vpc;
  if (type == "Subnet") return kinds::subnet;
  if (type == "NetworkInterface") return kinds::network_interface;
  throw invalid_parameter_value("Understudy records flow logs of VPCs, subnets and network interfaces, not " + type);
}

Json unsuccessful(const std::string& id, const AwsError& error) {
  return Json{{"Error", {{"Code", error.code}, {"Message", error.message()}}}, {"ResourceId", id}};
}

}  // namespace

Json Ec2::CreateFlowLogs(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  const Kind& kind = kind_for_resource_type(required(input, "ResourceType"));
  const std::string destination_type =
      str(input, "LogDestinationType").empty() ? "cloud-watch-logs" : str(input, "LogDestinationType");
  std::string group_name = str(input, "LogGroupName");
  std::string destination = str(input, "LogDestination");
  if (destination_type == "cloud-watch-logs") {
    if (str(input, "DeliverLogsPermissionArn").empty())
      throw AwsError("InvalidParameter",
                     "DeliverLogsPermissionArn can't be empty if LogDestinationType is cloud-watch-logs.");
    if (group_name.empty() && destination.empty())
      throw missing_parameter("Either LogGroupName or LogDestination must be specified for cloud-watch-logs");
    // arn:aws:logs:region:account:log-group:NAME[:*]
    if (group_name.empty()) {
      const auto marker = destination.find(":log-group:");
      if (marker != std::string::npos) {
        group_name = destination.substr(marker + 11);
        if (auto colon = group_name.find(':'); colon != std::string::npos) group_name.erase(colon);
      }
    }
    if (destination.empty())
      destination = "arn:aws:logs:" + ctx.region + ":" + ctx.account + ":log-group:" + group_name;
  } else if (destination.empty()) {
    throw missing_parameter("LogDestination must be specified for " + destination_type);
  }
  const Json tags = tags_from_specs(input, "vpc-flow-log");
  Json ids = Json::array(), failed = Json::array();
  for (const auto& resource_id : strings(input, "ResourceIds")) {
    if (!res.find(kind, resource_id)) {
      failed.push_back(unsuccessful(resource_id, not_found(kind, resource_id)));
      continue;
    }
    Json log{{"FlowLogId", new_id("fl")},
             {"CreationTime", ctx.now},
             {"DeliverLogsStatus", "SUCCESS"},
             {"FlowLogStatus", "ACTIVE"},
             {"ResourceId", resource_id},
             {"TrafficType", str(input, "TrafficType").empty() ? "ALL" : str(input, "TrafficType")},
             {"LogDestinationType", destination_type},
             {"LogDestination", destination},
             {"LogFormat", str(input, "LogFormat").empty() ? kDefaultFormat : str(input, "LogFormat")},
             {"MaxAggregationInterval", input.value("MaxAggregationInterval", 600)},
             {"Tags", tags}};
    if (!group_name.empty()) log["LogGroupName"] = group_name;
    if (auto arn = str(input, "DeliverLogsPermissionArn"); !arn.empty()) log["DeliverLogsPermissionArn"] = arn;
    if (auto role = str(input, "DeliverCrossAccountRole"); !role.empty()) log["DeliverCrossAccountRole"] = role;
    if (destination_type == "s3")
      log["DestinationOptions"] = input.value(
          "DestinationOptions", Json{{"FileFormat", "plain-text"}, {"HiveCompatiblePartitions", false}, {"PerHourPartition", false}});
    res.put(kinds::flow_log, log);
    ids.push_back(log["FlowLogId"]);
  }
  return Json{{"FlowLogIds", ids}, {"Unsuccessful", failed}, {"ClientToken", str(input, "ClientToken")}};
}

Json Ec2::DescribeFlowLogs(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  FilterSet filters(input, kFlowLogFilters);
  // Unknown ids are left out rather than refused: DescribeFlowLogs answers what it has.
  std::vector<Json> found;
  const auto ids = strings(input, "FlowLogIds");
  for (auto& log : res.list(kinds::flow_log)) {
    if (!ids.empty() && std::find(ids.begin(), ids.end(), log["FlowLogId"].get<std::string>()) == ids.end()) continue;
    if (filters.matches(log)) found.push_back(public_view(log));
  }
  return paginate(std::move(found), input, "FlowLogs", "DescribeFlowLogs");
}

Json Ec2::DeleteFlowLogs(const Json& input, const RequestContext& ctx) {
  auto res = resources(ctx);
  Json failed = Json::array();
  for (const auto& id : strings(input, "FlowLogIds")) {
    if (!res.find(kinds::flow_log, id)) {
      failed.push_back(unsuccessful(id, not_found(kinds::flow_log, id)));
      continue;
    }
    res.erase(kinds::flow_log, id);
  }
  return Json{{"Unsuccessful", failed}};
}

}  // namespace understudy::ec2

// ReplicateSecretToRegions, RemoveRegionsFromReplication, StopReplicationToReplica.
#include "services/secretsmanager/replication.hpp"
#include "services/secretsmanager/secret_lookup.hpp"
#include "services/secretsmanager/secretsmanager.hpp"

namespace understudy::secretsmanager {

Json SecretsManager::ReplicateSecretToRegions(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  add_replicas(repo_, secret, input.value("AddReplicaRegions", Json::array()),
               input.value("ForceOverwriteReplicaSecret", false), ctx.now);
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return {{"ARN", secret.arn()}, {"ReplicationStatus", secret.replicas}};
}

Json SecretsManager::RemoveRegionsFromReplication(const Json& input, const RequestContext& ctx) {
  auto secret = require_primary_secret(repo_, ctx, input.value("SecretId", ""));
  remove_replicas(repo_, secret, input.value("RemoveReplicaRegions", Json::array()));
  secret.last_changed = ctx.now;
  repo_.save(secret);
  return {{"ARN", secret.arn()}, {"ReplicationStatus", secret.replicas}};
}

Json SecretsManager::StopReplicationToReplica(const Json& input, const RequestContext& ctx) {
  auto secret = require_active_secret(repo_, ctx, input.value("SecretId", ""));
  promote_replica(repo_, secret, ctx.now);
  repo_.save(secret);
  return {{"ARN", secret.arn()}};
}

}  // namespace understudy::secretsmanager

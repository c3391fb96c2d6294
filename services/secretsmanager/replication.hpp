#pragma once
// Multi-Region secrets: a replica is a read-only copy of its primary, under the same
// name and suffix, in another region of this emulator. The primary keeps the
// ReplicationStatus; every save of the primary rewrites its in-sync replicas.
#include "emulator/core/json.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

class SecretRepository;

void sync_replicas(SecretRepository& repo, const SecretRecord& primary);

// AddReplicaRegions: [{"Region", "KmsKeyId"?}]. Updates primary.replicas (the caller
// saves the primary, which writes the replicas).
void add_replicas(SecretRepository& repo, SecretRecord& primary, const Json& add_regions, bool force_overwrite,
                  double now);
// RemoveReplicaRegions: ["eu-west-1", ...]. Deletes those replicas at once.
void remove_replicas(SecretRepository& repo, SecretRecord& primary, const Json& regions);
// StopReplicationToReplica: the replica becomes a standalone primary in its region.
void promote_replica(SecretRepository& repo, SecretRecord& replica, double now);

}  // namespace understudy::secretsmanager

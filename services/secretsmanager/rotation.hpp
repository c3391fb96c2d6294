#pragma once
// One rotation of a secret, and its schedule. Rotation follows AWS's steps: a new
// version gets AWSPENDING, the new value is applied where it is used, then AWSCURRENT
// moves to it (AWSPREVIOUS to the old one) and AWSPENDING is removed.
#include <string>

#include "emulator/core/request_context.hpp"
#include "services/secretsmanager/rotator.hpp"
#include "services/secretsmanager/secret_cipher.hpp"
#include "services/secretsmanager/secret_record.hpp"

namespace understudy::secretsmanager {

// Whether the secret can rotate at all: a rotation Lambda, or a registered Rotator for
// its owning service.
bool can_rotate(const SecretRecord& secret, const RotatorRegistry& rotators);

// Rotates now to a new version `version_id`. With a rotation Lambda, which Understudy
// cannot invoke, the rotation fails as on AWS when the function cannot run: an empty
// version keeps AWSPENDING, AWSCURRENT stays, and a later RotateSecret reports the
// previous rotation as not complete. Returns whether AWSCURRENT moved.
bool rotate_now(const RequestContext& ctx, SecretRecord& secret, const std::string& version_id, SecretCipher& cipher,
                const RotatorRegistry& rotators);

// Recomputes the next rotation window from the rules and the last rotation.
void schedule_next_rotation(SecretRecord& secret, double now);

}  // namespace understudy::secretsmanager

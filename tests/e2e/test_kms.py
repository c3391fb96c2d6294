"""AWS KMS through boto3 and the AWS CLI: keys, aliases, policies, rotation, deletion on
the emulator's clock, and real encryption (Encrypt → Decrypt, data keys, ReEncrypt)."""
import base64
import json
import os
import tempfile
import unittest

from botocore.exceptions import ClientError

from harness import ServerTestCase

DAY = 86400


class KmsTestCase(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.kms = self.server.client("kms")

    def key(self, **kwargs):
        return self.kms.create_key(**kwargs)["KeyMetadata"]

    def assertError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"])
        return cm.exception.response["Error"]["Message"]


class Keys(KmsTestCase):
    def test_create_key_describes_like_aws(self):
        meta = self.key(Description="app data", Tags=[{"TagKey": "team", "TagValue": "core"}])
        self.assertEqual(meta["AWSAccountId"], "000000000000")
        self.assertRegex(meta["KeyId"], r"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")
        self.assertEqual(meta["Arn"], f"arn:aws:kms:us-east-1:000000000000:key/{meta['KeyId']}")
        self.assertTrue(meta["Enabled"])
        self.assertEqual(meta["KeyState"], "Enabled")
        self.assertEqual(meta["KeyUsage"], "ENCRYPT_DECRYPT")
        self.assertEqual(meta["KeySpec"], "SYMMETRIC_DEFAULT")
        self.assertEqual(meta["CustomerMasterKeySpec"], "SYMMETRIC_DEFAULT")
        self.assertEqual(meta["EncryptionAlgorithms"], ["SYMMETRIC_DEFAULT"])
        self.assertEqual(meta["Origin"], "AWS_KMS")
        self.assertEqual(meta["KeyManager"], "CUSTOMER")
        self.assertFalse(meta["MultiRegion"])
        self.assertNotIn("DeletionDate", meta)
        described = self.kms.describe_key(KeyId=meta["Arn"])["KeyMetadata"]
        self.assertEqual(described["Description"], "app data")
        self.assertEqual(described["CreationDate"], meta["CreationDate"])
        tags = self.kms.list_resource_tags(KeyId=meta["KeyId"])["Tags"]
        self.assertEqual(tags, [{"TagKey": "team", "TagValue": "core"}])

    def test_asymmetric_keys_are_described_but_do_not_encrypt(self):
        rsa = self.key(KeySpec="RSA_2048", KeyUsage="ENCRYPT_DECRYPT")
        self.assertEqual(rsa["EncryptionAlgorithms"], ["RSAES_OAEP_SHA_1", "RSAES_OAEP_SHA_256"])
        ecc = self.key(KeySpec="ECC_NIST_P256", KeyUsage="SIGN_VERIFY")
        self.assertEqual(ecc["SigningAlgorithms"], ["ECDSA_SHA_256"])
        self.assertNotIn("EncryptionAlgorithms", ecc)
        msg = self.assertError("UnsupportedOperationException", self.kms.encrypt, KeyId=rsa["KeyId"], Plaintext=b"x")
        self.assertIn("SYMMETRIC_DEFAULT", msg)
        self.assertError("InvalidKeyUsageException", self.kms.encrypt, KeyId=ecc["KeyId"], Plaintext=b"x")
        self.assertError("ValidationException", self.kms.create_key, KeySpec="ECC_NIST_P256")
        self.assertError("ValidationException", self.kms.create_key, KeySpec="ECC_NIST_P256",
                         KeyUsage="ENCRYPT_DECRYPT")

    def test_list_keys_pages_with_marker(self):
        ids = {self.key()["KeyId"] for _ in range(5)}
        seen, marker = [], None
        while True:
            page = self.kms.list_keys(Limit=2, **({"Marker": marker} if marker else {}))
            seen += [k["KeyId"] for k in page["Keys"]]
            if not page["Truncated"]:
                break
            marker = page["NextMarker"]
        self.assertEqual(set(seen), ids)
        self.assertEqual(len(seen), 5)
        self.assertError("InvalidMarkerException", self.kms.list_keys, Marker="garbage")

    def test_unknown_key_is_not_found_with_the_arn(self):
        missing = "11111111-2222-4333-8444-555555555555"
        msg = self.assertError("NotFoundException", self.kms.describe_key, KeyId=missing)
        self.assertEqual(msg, f"Key 'arn:aws:kms:us-east-1:000000000000:key/{missing}' does not exist")
        self.assertError("NotFoundException", self.kms.describe_key, KeyId="not-a-key")
        msg = self.assertError("NotFoundException", self.kms.describe_key, KeyId="alias/nope")
        self.assertEqual(msg, "Alias arn:aws:kms:us-east-1:000000000000:alias/nope is not found.")

    def test_disable_enable_and_description(self):
        key_id = self.key()["KeyId"]
        self.kms.disable_key(KeyId=key_id)
        meta = self.kms.describe_key(KeyId=key_id)["KeyMetadata"]
        self.assertEqual((meta["KeyState"], meta["Enabled"]), ("Disabled", False))
        self.kms.enable_key(KeyId=key_id)
        self.kms.update_key_description(KeyId=key_id, Description="renamed")
        meta = self.kms.describe_key(KeyId=key_id)["KeyMetadata"]
        self.assertEqual((meta["KeyState"], meta["Description"]), ("Enabled", "renamed"))

    def test_tags(self):
        key_id = self.key()["KeyId"]
        self.kms.tag_resource(KeyId=key_id, Tags=[{"TagKey": "a", "TagValue": "1"}, {"TagKey": "b", "TagValue": "2"}])
        self.kms.tag_resource(KeyId=key_id, Tags=[{"TagKey": "a", "TagValue": "3"}])
        self.kms.untag_resource(KeyId=key_id, TagKeys=["b"])
        self.assertEqual(self.kms.list_resource_tags(KeyId=key_id)["Tags"], [{"TagKey": "a", "TagValue": "3"}])
        self.assertError("TagException", self.kms.tag_resource, KeyId=key_id,
                         Tags=[{"TagKey": "aws:reserved", "TagValue": "x"}])


class Policies(KmsTestCase):
    def test_default_policy_and_put_policy(self):
        key_id = self.key()["KeyId"]
        self.assertEqual(self.kms.list_key_policies(KeyId=key_id)["PolicyNames"], ["default"])
        policy = json.loads(self.kms.get_key_policy(KeyId=key_id, PolicyName="default")["Policy"])
        self.assertEqual(policy["Id"], "key-default-1")
        statement = policy["Statement"][0]
        self.assertEqual(statement["Principal"], {"AWS": "arn:aws:iam::000000000000:root"})
        self.assertEqual(statement["Action"], "kms:*")
        mine = json.dumps({"Version": "2012-10-17", "Statement": [
            {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "kms:Decrypt", "Resource": "*"}]})
        self.kms.put_key_policy(KeyId=key_id, PolicyName="default", Policy=mine)
        self.assertEqual(self.kms.get_key_policy(KeyId=key_id, PolicyName="default")["Policy"], mine)
        self.assertError("MalformedPolicyDocumentException", self.kms.put_key_policy, KeyId=key_id,
                         PolicyName="default", Policy="{not json")
        self.assertError("MalformedPolicyDocumentException", self.kms.create_key, Policy='{"Version":"2012-10-17"}')


class Rotation(KmsTestCase):
    def test_rotation_status_and_period(self):
        key_id = self.key()["KeyId"]
        self.assertFalse(self.kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"])
        self.kms.enable_key_rotation(KeyId=key_id, RotationPeriodInDays=180)
        status = self.kms.get_key_rotation_status(KeyId=key_id)
        self.assertTrue(status["KeyRotationEnabled"])
        self.assertEqual(status["RotationPeriodInDays"], 180)
        self.assertIn("NextRotationDate", status)
        unchecked = self.server.client("kms", parameter_validation=False)  # botocore would refuse 30 itself
        self.assertError("ValidationException", unchecked.enable_key_rotation, KeyId=key_id, RotationPeriodInDays=30)
        self.kms.disable_key_rotation(KeyId=key_id)
        self.assertFalse(self.kms.get_key_rotation_status(KeyId=key_id)["KeyRotationEnabled"])

    def test_rotated_key_still_decrypts_old_ciphertext(self):
        key_id = self.key()["KeyId"]
        self.kms.enable_key_rotation(KeyId=key_id, RotationPeriodInDays=90)
        old = self.kms.encrypt(KeyId=key_id, Plaintext=b"before rotation")["CiphertextBlob"]
        self.server.advance_clock(91 * DAY)
        new = self.kms.encrypt(KeyId=key_id, Plaintext=b"after rotation")["CiphertextBlob"]
        self.assertEqual(self.kms.decrypt(CiphertextBlob=old)["Plaintext"], b"before rotation")
        self.assertEqual(self.kms.decrypt(CiphertextBlob=new)["Plaintext"], b"after rotation")
        status = self.kms.get_key_rotation_status(KeyId=key_id)
        self.assertGreater(status["NextRotationDate"].timestamp(), self.server.admin("GET", "/_understudy/clock")["now"])

    def test_rotation_of_a_disabled_key_is_refused(self):
        key_id = self.key()["KeyId"]
        self.kms.disable_key(KeyId=key_id)
        self.assertError("DisabledException", self.kms.enable_key_rotation, KeyId=key_id)


class Deletion(KmsTestCase):
    def test_schedule_cancel_and_delete_on_the_clock(self):
        key_id = self.key()["KeyId"]
        out = self.kms.schedule_key_deletion(KeyId=key_id, PendingWindowInDays=7)
        self.assertEqual(out["KeyState"], "PendingDeletion")
        self.assertEqual(out["PendingWindowInDays"], 7)
        meta = self.kms.describe_key(KeyId=key_id)["KeyMetadata"]
        self.assertEqual(meta["KeyState"], "PendingDeletion")
        self.assertEqual(meta["PendingDeletionWindowInDays"], 7)
        self.assertIn("DeletionDate", meta)
        msg = self.assertError("KMSInvalidStateException", self.kms.encrypt, KeyId=key_id, Plaintext=b"x")
        self.assertIn("pending deletion", msg)

        self.assertEqual(self.kms.cancel_key_deletion(KeyId=key_id)["KeyId"], meta["Arn"])
        meta = self.kms.describe_key(KeyId=key_id)["KeyMetadata"]
        self.assertEqual(meta["KeyState"], "Disabled")
        self.assertNotIn("DeletionDate", meta)

        self.kms.create_alias(AliasName="alias/doomed", TargetKeyId=key_id)
        self.kms.schedule_key_deletion(KeyId=key_id)  # default 30 days
        self.server.advance_clock(29 * DAY)
        self.assertEqual(self.kms.describe_key(KeyId=key_id)["KeyMetadata"]["KeyState"], "PendingDeletion")
        self.server.advance_clock(2 * DAY)
        self.assertError("NotFoundException", self.kms.describe_key, KeyId=key_id)
        self.assertNotIn("alias/doomed", [a["AliasName"] for a in self.kms.list_aliases()["Aliases"]])

    def test_window_must_be_7_to_30_days(self):
        key_id = self.key()["KeyId"]
        self.assertError("ValidationException", self.kms.schedule_key_deletion, KeyId=key_id, PendingWindowInDays=6)
        self.assertError("ValidationException", self.kms.schedule_key_deletion, KeyId=key_id, PendingWindowInDays=31)
        self.assertError("KMSInvalidStateException", self.kms.cancel_key_deletion, KeyId=key_id)


class Aliases(KmsTestCase):
    def test_alias_lifecycle(self):
        first, second = self.key()["KeyId"], self.key()["KeyId"]
        self.kms.create_alias(AliasName="alias/app", TargetKeyId=first)
        self.assertEqual(self.kms.describe_key(KeyId="alias/app")["KeyMetadata"]["KeyId"], first)
        arn = "arn:aws:kms:us-east-1:000000000000:alias/app"
        self.assertEqual(self.kms.describe_key(KeyId=arn)["KeyMetadata"]["KeyId"], first)
        entry = self.kms.list_aliases(KeyId=first)["Aliases"]
        self.assertEqual(len(entry), 1)
        self.assertEqual(entry[0]["AliasArn"], arn)
        self.assertEqual(entry[0]["TargetKeyId"], first)
        self.assertEqual(self.kms.list_aliases(KeyId=second)["Aliases"], [])

        self.assertError("AlreadyExistsException", self.kms.create_alias, AliasName="alias/app", TargetKeyId=second)
        self.kms.update_alias(AliasName="alias/app", TargetKeyId=second)
        self.assertEqual(self.kms.describe_key(KeyId="alias/app")["KeyMetadata"]["KeyId"], second)
        self.kms.delete_alias(AliasName="alias/app")
        self.assertError("NotFoundException", self.kms.delete_alias, AliasName="alias/app")

    def test_alias_name_rules(self):
        key_id = self.key()["KeyId"]
        self.assertError("InvalidAliasNameException", self.kms.create_alias, AliasName="app", TargetKeyId=key_id)
        self.assertError("InvalidAliasNameException", self.kms.create_alias, AliasName="alias/aws/mine",
                         TargetKeyId=key_id)
        self.assertError("InvalidAliasNameException", self.kms.create_alias, AliasName="alias/bad name",
                         TargetKeyId=key_id)
        self.assertError("NotFoundException", self.kms.create_alias, AliasName="alias/x",
                         TargetKeyId="11111111-2222-4333-8444-555555555555")

    def test_aws_managed_alias_is_created_on_first_use(self):
        meta = self.kms.describe_key(KeyId="alias/aws/secretsmanager")["KeyMetadata"]
        self.assertEqual(meta["KeyManager"], "AWS")
        again = self.kms.describe_key(KeyId="alias/aws/secretsmanager")["KeyMetadata"]
        self.assertEqual(again["KeyId"], meta["KeyId"])
        blob = self.kms.encrypt(KeyId="alias/aws/secretsmanager", Plaintext=b"managed")["CiphertextBlob"]
        self.assertEqual(self.kms.decrypt(CiphertextBlob=blob)["Plaintext"], b"managed")
        self.assertError("UnsupportedOperationException", self.kms.schedule_key_deletion, KeyId=meta["KeyId"])


class Crypto(KmsTestCase):
    def test_encrypt_decrypt_round_trip(self):
        meta = self.key()
        out = self.kms.encrypt(KeyId=meta["KeyId"], Plaintext=b"attack at dawn")
        self.assertEqual(out["KeyId"], meta["Arn"])
        self.assertEqual(out["EncryptionAlgorithm"], "SYMMETRIC_DEFAULT")
        self.assertNotIn(b"attack at dawn", out["CiphertextBlob"])
        back = self.kms.decrypt(CiphertextBlob=out["CiphertextBlob"])
        self.assertEqual(back["Plaintext"], b"attack at dawn")
        self.assertEqual(back["KeyId"], meta["Arn"])
        # Two encryptions of the same text differ (a fresh nonce each time).
        self.assertNotEqual(self.kms.encrypt(KeyId=meta["KeyId"], Plaintext=b"attack at dawn")["CiphertextBlob"],
                            out["CiphertextBlob"])

    def test_encryption_context_is_bound(self):
        key_id = self.key()["KeyId"]
        blob = self.kms.encrypt(KeyId=key_id, Plaintext=b"s", EncryptionContext={"app": "a", "env": "prod"})[
            "CiphertextBlob"]
        self.assertEqual(self.kms.decrypt(CiphertextBlob=blob, EncryptionContext={"env": "prod", "app": "a"})[
            "Plaintext"], b"s")
        self.assertError("InvalidCiphertextException", self.kms.decrypt, CiphertextBlob=blob)
        self.assertError("InvalidCiphertextException", self.kms.decrypt, CiphertextBlob=blob,
                         EncryptionContext={"app": "a", "env": "dev"})

    def test_wrong_key_id_fails_with_not_found(self):
        self.assertError("NotFoundException", self.kms.encrypt, KeyId="11111111-2222-4333-8444-555555555555",
                         Plaintext=b"x")
        self.assertError("NotFoundException", self.kms.encrypt, KeyId="alias/missing", Plaintext=b"x")

    def test_disabled_key_fails_with_disabled_exception(self):
        meta = self.key()
        blob = self.kms.encrypt(KeyId=meta["KeyId"], Plaintext=b"x")["CiphertextBlob"]
        self.kms.disable_key(KeyId=meta["KeyId"])
        msg = self.assertError("DisabledException", self.kms.encrypt, KeyId=meta["KeyId"], Plaintext=b"x")
        self.assertEqual(msg, f"{meta['Arn']} is disabled.")
        self.assertError("DisabledException", self.kms.decrypt, CiphertextBlob=blob)
        self.assertError("DisabledException", self.kms.generate_data_key, KeyId=meta["KeyId"], KeySpec="AES_256")

    def test_decrypt_with_another_key_id_or_damaged_blob(self):
        a, b = self.key()["KeyId"], self.key()["KeyId"]
        blob = self.kms.encrypt(KeyId=a, Plaintext=b"x")["CiphertextBlob"]
        self.assertEqual(self.kms.decrypt(CiphertextBlob=blob, KeyId=a)["Plaintext"], b"x")
        self.assertError("IncorrectKeyException", self.kms.decrypt, CiphertextBlob=blob, KeyId=b)
        damaged = blob[:-1] + bytes([blob[-1] ^ 1])
        self.assertError("InvalidCiphertextException", self.kms.decrypt, CiphertextBlob=damaged)
        self.assertError("InvalidCiphertextException", self.kms.decrypt, CiphertextBlob=b"not a blob at all")

    def test_data_keys(self):
        key_id = self.key()["KeyId"]
        dk = self.kms.generate_data_key(KeyId=key_id, KeySpec="AES_256")
        self.assertEqual(len(dk["Plaintext"]), 32)
        self.assertEqual(self.kms.decrypt(CiphertextBlob=dk["CiphertextBlob"])["Plaintext"], dk["Plaintext"])
        self.assertEqual(len(self.kms.generate_data_key(KeyId=key_id, KeySpec="AES_128")["Plaintext"]), 16)
        self.assertEqual(len(self.kms.generate_data_key(KeyId=key_id, NumberOfBytes=64)["Plaintext"]), 64)
        bare = self.kms.generate_data_key_without_plaintext(KeyId=key_id, KeySpec="AES_256",
                                                            EncryptionContext={"k": "v"})
        self.assertNotIn("Plaintext", bare)
        self.assertEqual(len(self.kms.decrypt(CiphertextBlob=bare["CiphertextBlob"],
                                              EncryptionContext={"k": "v"})["Plaintext"]), 32)
        self.assertError("ValidationException", self.kms.generate_data_key, KeyId=key_id)
        self.assertError("ValidationException", self.kms.generate_data_key, KeyId=key_id, KeySpec="AES_256",
                         NumberOfBytes=32)

    def test_re_encrypt_moves_a_ciphertext_to_another_key(self):
        a, b = self.key(), self.key()
        blob = self.kms.encrypt(KeyId=a["KeyId"], Plaintext=b"moving", EncryptionContext={"x": "1"})["CiphertextBlob"]
        out = self.kms.re_encrypt(CiphertextBlob=blob, SourceEncryptionContext={"x": "1"},
                                  DestinationKeyId=b["KeyId"], DestinationEncryptionContext={"y": "2"})
        self.assertEqual(out["SourceKeyId"], a["Arn"])
        self.assertEqual(out["KeyId"], b["Arn"])
        back = self.kms.decrypt(CiphertextBlob=out["CiphertextBlob"], EncryptionContext={"y": "2"})
        self.assertEqual((back["Plaintext"], back["KeyId"]), (b"moving", b["Arn"]))

    def test_generate_random(self):
        r = self.kms.generate_random(NumberOfBytes=48)["Plaintext"]
        self.assertEqual(len(r), 48)
        self.assertNotEqual(r, self.kms.generate_random(NumberOfBytes=48)["Plaintext"])
        self.assertError("ValidationException", self.kms.generate_random, NumberOfBytes=2000)

    def test_ciphertext_survives_a_restart(self):
        key_id = self.key()["KeyId"]
        blob = self.kms.encrypt(KeyId=key_id, Plaintext=b"durable")["CiphertextBlob"]
        from harness import Server
        state_dir = self.server.state_dir
        self.server.stop()
        type(self).server = Server(state_dir=state_dir).start()
        kms = self.server.client("kms")
        self.assertEqual(kms.decrypt(CiphertextBlob=blob)["Plaintext"], b"durable")


class Cli(KmsTestCase):
    def test_cli_round_trip_and_errors(self):
        _, key, _ = self.server.cli("kms", "create-key", "--description", "cli key")
        key_id = key["KeyMetadata"]["KeyId"]
        self.server.cli("kms", "create-alias", "--alias-name", "alias/cli", "--target-key-id", key_id)
        with tempfile.TemporaryDirectory() as tmp:
            plain = os.path.join(tmp, "plain.txt")
            with open(plain, "wb") as f:
                f.write(b"hello from the cli")
            _, enc, _ = self.server.cli("kms", "encrypt", "--key-id", "alias/cli", "--plaintext", f"fileb://{plain}")
            blob_path = os.path.join(tmp, "blob.bin")
            with open(blob_path, "wb") as f:
                f.write(base64.b64decode(enc["CiphertextBlob"]))
            _, dec, _ = self.server.cli("kms", "decrypt", "--ciphertext-blob", f"fileb://{blob_path}")
            self.assertEqual(base64.b64decode(dec["Plaintext"]), b"hello from the cli")
            self.assertEqual(dec["KeyId"], key["KeyMetadata"]["Arn"])

        _, aliases, _ = self.server.cli("kms", "list-aliases", "--key-id", key_id)
        self.assertEqual([a["AliasName"] for a in aliases["Aliases"]], ["alias/cli"])
        self.server.cli("kms", "disable-key", "--key-id", key_id)
        code, _, err = self.server.cli("kms", "encrypt", "--key-id", key_id, "--plaintext", "aGk=", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("DisabledException", err)
        code, _, err = self.server.cli("kms", "describe-key", "--key-id", "alias/nothing-here", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("NotFoundException", err)
        _, out, _ = self.server.cli("kms", "schedule-key-deletion", "--key-id", key_id,
                                    "--pending-window-in-days", "7")
        self.assertEqual(out["KeyState"], "PendingDeletion")


if __name__ == "__main__":
    unittest.main()

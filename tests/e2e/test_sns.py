"""Amazon SNS through boto3 and the AWS CLI: topics, subscriptions, filter policies,
Publish and PublishBatch, and real deliveries to an http subscriber that the test runs on
a loopback port."""
import http.server
import json
import threading
import time
import unittest
import urllib.error

from botocore.exceptions import ClientError

from harness import ServerTestCase, free_port

ACCOUNT = "000000000000"


class Subscriber:
    """An http endpoint on loopback that keeps every POST it receives, by path."""

    def __init__(self, status=200):
        self.received = []
        self.lock = threading.Lock()
        self.status = status
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                with outer.lock:
                    outer.received.append({"path": self.path, "headers": dict(self.headers), "body": body})
                self.send_response(outer.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.port = free_port()
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path="/"):
        return f"http://127.0.0.1:{self.port}{path}"

    def wait_for(self, count, path=None, timeout=10):
        deadline = time.time() + timeout
        while time.time() < deadline:
            got = self.at(path)
            if len(got) >= count:
                return got
            time.sleep(0.05)
        return self.at(path)

    def at(self, path=None):
        with self.lock:
            return [r for r in self.received if path is None or r["path"] == path]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


class SnsTestCase(ServerTestCase):
    def setUp(self):
        super().setUp()
        self.sns = self.server.client("sns")
        self.subscriber = Subscriber()
        self.addCleanup(self.subscriber.close)

    def topic(self, name="alarms", **kwargs):
        return self.sns.create_topic(Name=name, **kwargs)["TopicArn"]

    def subscribe_http(self, topic_arn, path="/", **attributes):
        return self.sns.subscribe(TopicArn=topic_arn, Protocol="http", Endpoint=self.subscriber.url(path),
                                  Attributes=attributes, ReturnSubscriptionArn=True)["SubscriptionArn"]

    def assertError(self, code, fn, *args, **kwargs):
        with self.assertRaises(ClientError) as cm:
            fn(*args, **kwargs)
        self.assertEqual(cm.exception.response["Error"]["Code"], code, cm.exception.response["Error"])
        return cm.exception.response["Error"]["Message"]

    def recorded(self, topic_arn=""):
        path = "/_understudy/sns/messages" + (f"?topic_arn={topic_arn}" if topic_arn else "")
        return self.server.admin("GET", path)["messages"]


class Topics(SnsTestCase):
    def test_create_is_idempotent_and_attributes_read_back(self):
        arn = self.topic(Attributes={"DisplayName": "Alarms"})
        self.assertEqual(arn, f"arn:aws:sns:us-east-1:{ACCOUNT}:alarms")
        self.assertEqual(self.topic(Attributes={"DisplayName": "Alarms"}), arn)
        msg = self.assertError("InvalidParameter", self.topic, Attributes={"DisplayName": "Other"})
        self.assertIn("Topic already exists with different attributes", msg)

        attrs = self.sns.get_topic_attributes(TopicArn=arn)["Attributes"]
        self.assertEqual(attrs["TopicArn"], arn)
        self.assertEqual(attrs["Owner"], ACCOUNT)
        self.assertEqual(attrs["DisplayName"], "Alarms")
        self.assertEqual(attrs["SubscriptionsConfirmed"], "0")
        self.assertEqual(attrs["SubscriptionsPending"], "0")
        self.assertEqual(attrs["SubscriptionsDeleted"], "0")
        policy = json.loads(attrs["Policy"])
        self.assertEqual(policy["Statement"][0]["Resource"], arn)
        self.assertEqual(policy["Statement"][0]["Condition"]["StringEquals"]["AWS:SourceOwner"], ACCOUNT)
        self.assertIn("http", json.loads(attrs["EffectiveDeliveryPolicy"]))

        self.sns.set_topic_attributes(TopicArn=arn, AttributeName="DisplayName", AttributeValue="Renamed")
        self.assertEqual(self.sns.get_topic_attributes(TopicArn=arn)["Attributes"]["DisplayName"], "Renamed")
        self.assertError("InvalidParameter", self.sns.set_topic_attributes, TopicArn=arn, AttributeName="Bogus",
                         AttributeValue="x")

    def test_list_topics_pages(self):
        arns = {self.topic(f"t{i}") for i in range(105)}
        first = self.sns.list_topics()
        self.assertEqual(len(first["Topics"]), 100)
        second = self.sns.list_topics(NextToken=first["NextToken"])
        self.assertNotIn("NextToken", second)
        self.assertEqual({t["TopicArn"] for t in first["Topics"] + second["Topics"]}, arns)

    def test_delete_and_errors(self):
        arn = self.topic()
        self.sns.delete_topic(TopicArn=arn)
        self.sns.delete_topic(TopicArn=arn)  # AWS: deleting a missing topic is not an error
        msg = self.assertError("NotFound", self.sns.get_topic_attributes, TopicArn=arn)
        self.assertEqual(msg, "Topic does not exist")
        msg = self.assertError("InvalidParameter", self.sns.get_topic_attributes, TopicArn="not-an-arn")
        self.assertEqual(msg, "Invalid parameter: TopicArn")
        self.assertError("AuthorizationError", self.sns.publish,
                         TopicArn="arn:aws:sns:us-east-1:123456789012:theirs", Message="hi")
        self.assertError("NotFound", self.sns.publish, TopicArn=arn, Message="hi")
        self.assertError("InvalidParameter", self.sns.create_topic, Name="bad name!")

    def test_fifo_topics(self):
        self.assertError("InvalidParameter", self.sns.create_topic, Name="orders",
                         Attributes={"FifoTopic": "true"})
        arn = self.topic("orders.fifo", Attributes={"FifoTopic": "true", "ContentBasedDeduplication": "true"})
        attrs = self.sns.get_topic_attributes(TopicArn=arn)["Attributes"]
        self.assertEqual((attrs["FifoTopic"], attrs["ContentBasedDeduplication"]), ("true", "true"))
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=arn, Message="no group")
        one = self.sns.publish(TopicArn=arn, Message="m", MessageGroupId="g")
        again = self.sns.publish(TopicArn=arn, Message="m", MessageGroupId="g")
        self.assertEqual(one["MessageId"], again["MessageId"])
        self.assertRegex(one["SequenceNumber"], r"^\d{20}$")
        other = self.sns.publish(TopicArn=arn, Message="m2", MessageGroupId="g")
        self.assertGreater(int(other["SequenceNumber"]), int(one["SequenceNumber"]))
        plain = self.topic("plain")
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=plain, Message="m",
                         MessageDeduplicationId="d")

    def test_tags(self):
        arn = self.topic(Tags=[{"Key": "env", "Value": "test"}])
        self.sns.tag_resource(ResourceArn=arn, Tags=[{"Key": "team", "Value": "ops"}])
        self.sns.untag_resource(ResourceArn=arn, TagKeys=["env"])
        self.assertEqual(self.sns.list_tags_for_resource(ResourceArn=arn)["Tags"], [{"Key": "team", "Value": "ops"}])
        self.assertError("ResourceNotFound", self.sns.list_tags_for_resource,
                         ResourceArn=f"arn:aws:sns:us-east-1:{ACCOUNT}:missing")


class Subscriptions(SnsTestCase):
    def test_http_on_loopback_is_confirmed_and_email_is_pending(self):
        arn = self.topic()
        sub = self.subscribe_http(arn)
        self.assertTrue(sub.startswith(arn + ":"))
        attrs = self.sns.get_subscription_attributes(SubscriptionArn=sub)["Attributes"]
        self.assertEqual(attrs["PendingConfirmation"], "false")
        self.assertEqual(attrs["Protocol"], "http")
        self.assertEqual(attrs["Endpoint"], self.subscriber.url())
        self.assertEqual(attrs["RawMessageDelivery"], "false")
        self.assertIn("EffectiveDeliveryPolicy", attrs)

        pending = self.sns.subscribe(TopicArn=arn, Protocol="email", Endpoint="ops@example.com")
        self.assertEqual(pending["SubscriptionArn"], "pending confirmation")
        listed = self.sns.list_subscriptions_by_topic(TopicArn=arn)["Subscriptions"]
        self.assertEqual(sorted(s["SubscriptionArn"] for s in listed), sorted([sub, "PendingConfirmation"]))
        topic_attrs = self.sns.get_topic_attributes(TopicArn=arn)["Attributes"]
        self.assertEqual((topic_attrs["SubscriptionsConfirmed"], topic_attrs["SubscriptionsPending"]), ("1", "1"))
        self.assertError("InvalidParameter", self.sns.confirm_subscription, TopicArn=arn, Token="wrong")

        # Subscribing again answers the same subscription.
        self.assertEqual(self.subscribe_http(arn), sub)
        self.assertEqual(len(self.sns.list_subscriptions()["Subscriptions"]), 2)

    def test_email_confirmation_token_is_recorded(self):
        arn = self.topic()
        self.sns.subscribe(TopicArn=arn, Protocol="email", Endpoint="ops@example.com")
        confirmations = [m for m in self.recorded(arn) if m["Type"] == "SubscriptionConfirmation"]
        self.assertEqual(len(confirmations), 1)
        sub = self.sns.confirm_subscription(TopicArn=arn, Token=confirmations[0]["Token"])["SubscriptionArn"]
        attrs = self.sns.get_subscription_attributes(SubscriptionArn=sub)["Attributes"]
        self.assertEqual(attrs["PendingConfirmation"], "false")

    def test_subscription_attributes_and_unsubscribe(self):
        arn = self.topic()
        sub = self.subscribe_http(arn)
        self.sns.set_subscription_attributes(SubscriptionArn=sub, AttributeName="RawMessageDelivery",
                                             AttributeValue="true")
        self.sns.set_subscription_attributes(SubscriptionArn=sub, AttributeName="FilterPolicy",
                                             AttributeValue='{"severity": ["high"]}')
        attrs = self.sns.get_subscription_attributes(SubscriptionArn=sub)["Attributes"]
        self.assertEqual(attrs["RawMessageDelivery"], "true")
        self.assertEqual(json.loads(attrs["FilterPolicy"]), {"severity": ["high"]})
        self.assertEqual(attrs["FilterPolicyScope"], "MessageAttributes")
        self.assertError("InvalidParameter", self.sns.set_subscription_attributes, SubscriptionArn=sub,
                         AttributeName="FilterPolicy", AttributeValue='{"severity": [{"fuzzy": 1}]}')
        self.assertError("InvalidParameter", self.sns.set_subscription_attributes, SubscriptionArn=sub,
                         AttributeName="RawMessageDelivery", AttributeValue="maybe")
        self.assertError("InvalidParameter", self.sns.set_subscription_attributes, SubscriptionArn=sub,
                         AttributeName="Nonsense", AttributeValue="1")
        self.sns.set_subscription_attributes(SubscriptionArn=sub, AttributeName="RedrivePolicy",
                                             AttributeValue=json.dumps(
                                                 {"deadLetterTargetArn": "arn:aws:sqs:us-east-1:000000000000:dlq"}))
        self.sns.unsubscribe(SubscriptionArn=sub)
        self.assertError("NotFound", self.sns.get_subscription_attributes, SubscriptionArn=sub)

    def test_subscribe_errors(self):
        arn = self.topic()
        self.assertError("InvalidParameter", self.sns.subscribe, TopicArn=arn, Protocol="carrier-pigeon",
                         Endpoint="x")
        self.assertError("InvalidParameter", self.sns.subscribe, TopicArn=arn, Protocol="http",
                         Endpoint="https://127.0.0.1/")
        self.assertError("InvalidParameter", self.sns.subscribe, TopicArn=arn, Protocol="email", Endpoint="nobody")
        self.assertError("InvalidParameter", self.sns.subscribe, TopicArn=arn, Protocol="sqs", Endpoint="queue")
        self.assertError("NotFound", self.sns.subscribe, TopicArn=arn + "-gone", Protocol="sqs",
                         Endpoint="arn:aws:sqs:us-east-1:000000000000:q")

    def test_deleting_the_topic_deletes_its_subscriptions(self):
        arn = self.topic()
        self.subscribe_http(arn)
        self.sns.delete_topic(TopicArn=arn)
        self.assertEqual(self.sns.list_subscriptions()["Subscriptions"], [])


class Delivery(SnsTestCase):
    def test_http_subscriber_receives_the_json_envelope(self):
        arn = self.topic()
        sub = self.subscribe_http(arn, "/hook")
        out = self.sns.publish(TopicArn=arn, Subject="ALARM: cpu", Message="CPU above 90%",
                               MessageAttributes={"severity": {"DataType": "String", "StringValue": "high"},
                                                  "level": {"DataType": "Number", "StringValue": "3"}})
        got = self.subscriber.wait_for(1, "/hook")
        self.assertEqual(len(got), 1)
        headers = {k.lower(): v for k, v in got[0]["headers"].items()}
        self.assertEqual(headers["x-amz-sns-message-type"], "Notification")
        self.assertEqual(headers["x-amz-sns-message-id"], out["MessageId"])
        self.assertEqual(headers["x-amz-sns-topic-arn"], arn)
        self.assertEqual(headers["x-amz-sns-subscription-arn"], sub)
        self.assertEqual(headers["content-type"], "text/plain; charset=UTF-8")
        envelope = json.loads(got[0]["body"])
        self.assertEqual(envelope["Type"], "Notification")
        self.assertEqual(envelope["MessageId"], out["MessageId"])
        self.assertEqual(envelope["TopicArn"], arn)
        self.assertEqual(envelope["Subject"], "ALARM: cpu")
        self.assertEqual(envelope["Message"], "CPU above 90%")
        self.assertRegex(envelope["Timestamp"], r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$")
        self.assertEqual(envelope["SignatureVersion"], "1")
        self.assertTrue(envelope["Signature"])
        self.assertTrue(envelope["SigningCertURL"].startswith("https://"))
        self.assertIn(sub, envelope["UnsubscribeURL"])
        self.assertEqual(envelope["MessageAttributes"], {"severity": {"Type": "String", "Value": "high"},
                                                         "level": {"Type": "Number", "Value": "3"}})

    def test_raw_delivery_and_message_structure(self):
        arn = self.topic()
        self.subscribe_http(arn, "/raw", RawMessageDelivery="true")
        self.sns.publish(TopicArn=arn, Message="just the text")
        self.assertEqual(self.subscriber.wait_for(1, "/raw")[0]["body"], "just the text")
        self.sns.publish(TopicArn=arn, MessageStructure="json",
                         Message=json.dumps({"default": "for everyone", "http": "for http"}))
        self.assertEqual(self.subscriber.wait_for(2, "/raw")[1]["body"], "for http")
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=arn, MessageStructure="json",
                         Message=json.dumps({"http": "no default"}))

    def test_filter_policies_decide_who_gets_what(self):
        arn = self.topic()
        policies = {
            "/exact": {"severity": ["high"]},
            "/prefix": {"service": [{"prefix": "db-"}]},
            "/anything-but": {"severity": [{"anything-but": ["low", "info"]}]},
            "/numeric": {"level": [{"numeric": [">=", 3, "<", 5]}]},
            "/exists": {"runbook": [{"exists": True}]},
            "/absent": {"runbook": [{"exists": False}]},
        }
        for path, policy in policies.items():
            self.subscribe_http(arn, path, FilterPolicy=json.dumps(policy))

        def publish(**attrs):
            self.sns.publish(TopicArn=arn, Message=json.dumps(attrs), MessageAttributes={
                k: {"DataType": "Number" if isinstance(v, int) else "String", "StringValue": str(v)}
                for k, v in attrs.items()})

        publish(severity="high", service="db-main", level=4)      # exact, prefix, anything-but, numeric, absent
        publish(severity="low", service="web", level=7, runbook="r1")  # exists
        publish(severity="medium", level=2)                      # anything-but, absent
        expected = {"/exact": 1, "/prefix": 1, "/anything-but": 2, "/numeric": 1, "/exists": 1, "/absent": 2}
        self.subscriber.wait_for(sum(expected.values()))
        time.sleep(0.3)  # nothing more arrives
        got = {path: len(self.subscriber.at(path)) for path in policies}
        self.assertEqual(got, expected)
        self.assertEqual(json.loads(json.loads(self.subscriber.at("/exists")[0]["body"])["Message"])["runbook"], "r1")

    def test_filter_on_message_body(self):
        arn = self.topic()
        self.subscribe_http(arn, "/body", FilterPolicyScope="MessageBody",
                            FilterPolicy=json.dumps({"alarm": {"state": ["ALARM"]}}))
        self.sns.publish(TopicArn=arn, Message=json.dumps({"alarm": {"state": "OK"}}))
        self.sns.publish(TopicArn=arn, Message=json.dumps({"alarm": {"state": "ALARM"}}))
        got = self.subscriber.wait_for(1, "/body")
        time.sleep(0.3)
        self.assertEqual(len(self.subscriber.at("/body")), 1)
        self.assertIn("ALARM", json.loads(got[0]["body"])["Message"])

    def test_publish_batch(self):
        arn = self.topic()
        self.subscribe_http(arn, "/batch")
        out = self.sns.publish_batch(TopicArn=arn, PublishBatchRequestEntries=[
            {"Id": "one", "Message": "first"},
            {"Id": "two", "Message": "second", "Subject": "s"},
            {"Id": "bad", "Message": "third",
             "MessageAttributes": {"n": {"DataType": "Number", "StringValue": "not a number"}}},
        ])
        self.assertEqual(sorted(s["Id"] for s in out["Successful"]), ["one", "two"])
        self.assertEqual(len(out["Failed"]), 1)
        failed = out["Failed"][0]
        self.assertEqual((failed["Id"], failed["Code"], failed["SenderFault"]), ("bad", "ParameterValueInvalid", True))
        bodies = sorted(json.loads(r["body"])["Message"] for r in self.subscriber.wait_for(2, "/batch"))
        self.assertEqual(bodies, ["first", "second"])

        entries = [{"Id": f"e{i}", "Message": "m"} for i in range(11)]
        self.assertError("TooManyEntriesInBatchRequest", self.sns.publish_batch, TopicArn=arn,
                         PublishBatchRequestEntries=entries)
        self.assertError("BatchEntryIdsNotDistinct", self.sns.publish_batch, TopicArn=arn,
                         PublishBatchRequestEntries=[{"Id": "a", "Message": "m"}, {"Id": "a", "Message": "m"}])

    def test_publish_errors(self):
        arn = self.topic()
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=arn, Message="")
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=arn, Message="x", Subject="line\nbreak")
        self.assertError("InvalidParameter", self.sns.publish, TopicArn=arn, Message="x" * (256 * 1024 + 1))
        self.assertError("ParameterValueInvalid", self.sns.publish, TopicArn=arn, Message="x",
                         MessageAttributes={"a": {"DataType": "Blob", "StringValue": "v"}})
        self.assertError("InvalidParameter", self.sns.publish, Message="nowhere")
        self.assertTrue(self.sns.publish(PhoneNumber="+15555550100", Message="sms")["MessageId"])

    def test_published_messages_are_recorded_with_their_deliveries(self):
        arn = self.topic()
        sub = self.subscribe_http(arn, "/rec")
        filtered = self.subscribe_http(arn, "/never", FilterPolicy='{"x": ["y"]}')
        out = self.sns.publish(TopicArn=arn, Subject="ALARM", Message="state changed")
        self.subscriber.wait_for(1, "/rec")
        deadline = time.time() + 5
        while time.time() < deadline:
            messages = self.recorded(arn)
            deliveries = {d["SubscriptionArn"]: d for d in messages[-1]["Deliveries"]}
            if deliveries[sub]["Status"] != "pending":
                break
            time.sleep(0.05)
        self.assertEqual(messages[-1]["MessageId"], out["MessageId"])
        self.assertEqual(messages[-1]["Subject"], "ALARM")
        self.assertEqual(deliveries[sub]["Status"], "delivered")
        self.assertEqual(deliveries[sub]["HttpStatus"], 200)
        self.assertEqual(deliveries[filtered]["Status"], "filtered")
        self.assertEqual(self.recorded(f"arn:aws:sns:us-east-1:{ACCOUNT}:other"), [])

    def test_a_dead_subscriber_does_not_block_publishing(self):
        arn = self.topic()
        dead_port = free_port()  # nothing listens there
        self.sns.subscribe(TopicArn=arn, Protocol="http", Endpoint=f"http://127.0.0.1:{dead_port}/")
        self.subscribe_http(arn, "/alive")
        started = time.time()
        for i in range(5):
            self.sns.publish(TopicArn=arn, Message=f"m{i}")
        self.assertLess(time.time() - started, 2)
        self.assertEqual(len(self.subscriber.wait_for(5, "/alive")), 5)


class Cli(SnsTestCase):
    def test_cli_topic_subscribe_publish(self):
        _, topic, _ = self.server.cli("sns", "create-topic", "--name", "cli-alarms")
        arn = topic["TopicArn"]
        _, sub, _ = self.server.cli("sns", "subscribe", "--topic-arn", arn, "--protocol", "http",
                                    "--notification-endpoint", self.subscriber.url("/cli"),
                                    "--return-subscription-arn")
        self.assertTrue(sub["SubscriptionArn"].startswith(arn))
        _, out, _ = self.server.cli("sns", "publish", "--topic-arn", arn, "--message", "from the cli",
                                    "--message-attributes",
                                    '{"kind": {"DataType": "String", "StringValue": "test"}}')
        got = self.subscriber.wait_for(1, "/cli")
        self.assertEqual(json.loads(got[0]["body"])["MessageId"], out["MessageId"])
        _, subs, _ = self.server.cli("sns", "list-subscriptions-by-topic", "--topic-arn", arn)
        self.assertEqual(subs["Subscriptions"][0]["Protocol"], "http")
        _, attrs, _ = self.server.cli("sns", "get-topic-attributes", "--topic-arn", arn)
        self.assertEqual(attrs["Attributes"]["SubscriptionsConfirmed"], "1")
        code, _, err = self.server.cli("sns", "get-topic-attributes", "--topic-arn", arn + "x", check=False)
        self.assertNotEqual(code, 0)
        self.assertIn("NotFound", err)


if __name__ == "__main__":
    unittest.main()

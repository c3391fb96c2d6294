"""botocore as the judge of the query and ec2 codecs (run by test_protocol_query.cpp).

    botocore_check.py REQUEST.json

REQUEST is {"mode": "parse" | "serialize", "service": NAME or a botocore service
description, "operation": NAME, ...}.
  parse:     feeds {"status", "body"} to botocore's own response parser for the
             operation and prints what botocore made of it, as JSON (timestamps as
             ISO 8601 UTC, blobs as base64, ResponseMetadata's HTTP fields dropped).
  serialize: prints the form body botocore sends for {"params"}.
"""
import base64
import datetime
import json
import sys

import botocore.model
import botocore.parsers
import botocore.serialize
import botocore.session
import botocore.utils


def service_model(service):
    if isinstance(service, dict):
        return botocore.model.ServiceModel(service)
    return botocore.session.get_session().get_service_model(service)


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    return value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    model = service_model(request["service"])
    operation = model.operation_model(request["operation"])
    protocol = model.metadata["protocol"]
    if request["mode"] == "serialize":
        serializer = botocore.serialize.create_serializer(protocol, include_validation=True)
        wire = serializer.serialize_to_request(request["params"], operation)
        print(botocore.utils.percent_encode_sequence(wire["body"]), end="")
        return
    parser = botocore.parsers.create_parser(protocol)
    response = {"status_code": request["status"], "headers": {}, "body": request["body"].encode()}
    parsed = parser.parse(response, operation.output_shape)
    metadata = parsed.get("ResponseMetadata", {})
    metadata.pop("HTTPStatusCode", None)
    metadata.pop("HTTPHeaders", None)
    print(json.dumps(plain(parsed), sort_keys=True), end="")


if __name__ == "__main__":
    main()

"""botocore as the judge of the json, rest-json and rpc-v2-cbor codecs (run by
tests/unit/test_protocol_{json,rest_json,cbor,route}.cpp).

    botocore_wire.py REQUEST.json

REQUEST is {"mode": "parse" | "serialize", "service": botocore service name or description,
"protocol": "json" | "rest-json" | "smithy-rpc-v2-cbor" (default: the model's own),
"operation": NAME, ...}.
  parse:     feeds {"status", "headers", "body_base64"} to botocore's own response
             parser and prints what botocore made of it as JSON (timestamps as epoch
             seconds, blobs as base64, ResponseMetadata's HTTP fields dropped).
  serialize: prints the request botocore builds for {"params"}:
             {"method", "url_path", "query_string", "headers", "body_base64"}.
"""
import base64
import datetime
import json
import sys

import botocore.awsrequest
import botocore.model
import botocore.parsers
import botocore.serialize
import botocore.session
import botocore.utils


def plain(value):
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, datetime.datetime):
        return value.timestamp()
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode()
    return value


def main():
    with open(sys.argv[1], encoding="utf-8") as f:
        request = json.load(f)
    if isinstance(request["service"], dict):
        model = botocore.model.ServiceModel(request["service"])
    else:
        model = botocore.session.get_session().get_service_model(request["service"])
    protocol = request.get("protocol") or model.metadata["protocol"]
    if protocol == "json" and "jsonVersion" not in model.metadata:
        model.metadata["jsonVersion"] = "1.0"
    operation = model.operation_model(request["operation"])
    if request["mode"] == "serialize":
        serializer = botocore.serialize.create_serializer(protocol, include_validation=True)
        wire = serializer.serialize_to_request(request["params"], operation)
        body = wire["body"]
        if isinstance(body, dict):
            body = botocore.utils.percent_encode_sequence(body)
        if isinstance(body, str):
            body = body.encode()
        query = wire.get("query_string") or {}
        print(json.dumps({
            "method": wire["method"],
            "url_path": wire["url_path"],
            "query_string": botocore.utils.percent_encode_sequence(query) if isinstance(query, dict) else query,
            "headers": {k: str(v) for k, v in wire["headers"].items()},
            "body_base64": base64.b64encode(body or b"").decode(),
        }), end="")
        return
    parser = botocore.parsers.create_parser(protocol)
    response = {
        "status_code": request["status"],
        # case-insensitive, as in botocore's own AWSResponse
        "headers": botocore.awsrequest.HeadersDict(request.get("headers", {})),
        "body": base64.b64decode(request["body_base64"]),
    }
    parsed = parser.parse(response, operation.output_shape)
    metadata = parsed.get("ResponseMetadata", {})
    metadata.pop("HTTPStatusCode", None)
    metadata.pop("HTTPHeaders", None)
    print(json.dumps(plain(parsed), sort_keys=True), end="")


if __name__ == "__main__":
    main()

# The network stack of issue 3, applied against Understudy: a VPC across three zones with
# public and private subnets, NAT, routing and security groups (network.tf), with the
# IAM roles (iam.tf), KMS key (kms.tf) and SNS topic (sns.tf) that come with it.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  description = "Understudy's URL, e.g. http://127.0.0.1:4566"
  type        = string
}

variable "name" {
  description = "Prefix of the names and Name tags in the stack"
  type        = string
  default     = "understudy"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  # The provider learns the account from STS (GetCallerIdentity): without it, it cannot
  # tell that a rule's referenced group (ReferencedGroupInfo.UserId) is in this account,
  # and shows "000000000000/sg-..." as drift on every plan, against AWS as here.
  skip_requesting_account_id = false
  skip_metadata_api_check    = true

  endpoints {
    ec2 = var.endpoint
    iam = var.endpoint
    kms = var.endpoint
    sns = var.endpoint
    sts = var.endpoint
  }
}

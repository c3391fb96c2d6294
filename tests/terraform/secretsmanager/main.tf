# A secret with a version and a resource policy, applied against Understudy.
terraform {
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "5.100.0"
    }
  }
}

variable "endpoint" {
  type = string
}

variable "name" {
  type    = string
  default = "tf/app/database"
}

provider "aws" {
  region                      = "us-east-1"
  access_key                  = "test"
  secret_key                  = "test"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true

  endpoints {
    secretsmanager = var.endpoint
    sts            = var.endpoint
  }
}

resource "aws_secretsmanager_secret" "db" {
  name                    = var.name
  description             = "credentials of the app database"
  recovery_window_in_days = 0
  tags = {
    team = "platform"
  }
}

resource "aws_secretsmanager_secret_version" "db" {
  secret_id = aws_secretsmanager_secret.db.id
  secret_string = jsonencode({
    username = "app"
    password = "correct-horse-battery-staple"
  })
}

resource "aws_secretsmanager_secret_policy" "db" {
  secret_arn = aws_secretsmanager_secret.db.arn
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid       = "ReadersOnly"
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::000000000000:root" }
      Action    = "secretsmanager:GetSecretValue"
      Resource  = "*"
    }]
  })
}

output "arn" {
  value = aws_secretsmanager_secret.db.arn
}

output "version_id" {
  value = aws_secretsmanager_secret_version.db.version_id
}

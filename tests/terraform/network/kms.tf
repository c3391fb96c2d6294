# The stack's KMS key: symmetric, rotated every 180 days, named by an alias.

resource "aws_kms_key" "stack" {
  description             = "understudy network stack"
  enable_key_rotation     = true
  rotation_period_in_days = 180
  deletion_window_in_days = 7

  tags = {
    Name = "understudy-stack"
  }
}

resource "aws_kms_alias" "stack" {
  name          = "alias/understudy-stack"
  target_key_id = aws_kms_key.stack.key_id
}

output "kms_key_arn" {
  value = aws_kms_key.stack.arn
}

output "kms_alias_arn" {
  value = aws_kms_alias.stack.arn
}

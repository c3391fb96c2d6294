# The alarm topic, encrypted with the stack's key, and an http subscriber on loopback.
# Understudy confirms a loopback http(s) subscription at once, so endpoint_auto_confirms
# lets the provider see it confirmed; an email subscription would stay pending, which the
# provider cannot manage, so the stack has none.

variable "alarm_webhook_url" {
  description = "Where the alarm topic posts its notifications (an http listener on loopback)"
  type        = string
  default     = "http://127.0.0.1:8089/alarms"
}

resource "aws_sns_topic" "alarms" {
  name              = "understudy-alarms"
  display_name      = "Understudy alarms"
  kms_master_key_id = aws_kms_alias.stack.name

  tags = {
    Name = "understudy-alarms"
  }
}

resource "aws_sns_topic_subscription" "alarms_http" {
  topic_arn              = aws_sns_topic.alarms.arn
  protocol               = "http"
  endpoint               = var.alarm_webhook_url
  endpoint_auto_confirms = true
  filter_policy = jsonencode({
    severity = ["high", "critical"]
  })
}

output "alarm_topic_arn" {
  value = aws_sns_topic.alarms.arn
}

output "alarm_subscription_arn" {
  value = aws_sns_topic_subscription.alarms_http.arn
}

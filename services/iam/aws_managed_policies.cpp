#include "services/iam/aws_managed_policies.hpp"

#include <array>
#include <cstdint>

namespace understudy::iam {
namespace {

constexpr std::array<AwsManagedPolicy, 20> kPolicies{{
    {"AdministratorAccess", "/", "v1", "Provides full access to AWS services and resources.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
})"},
    {"PowerUserAccess", "/", "v5",
     "Provides full access to AWS services and resources, but does not allow management of Users and groups.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "NotAction": [
        "iam:*",
        "organizations:*",
        "account:*"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "iam:CreateServiceLinkedRole",
        "iam:DeleteServiceLinkedRole",
        "iam:ListRoles",
        "organizations:DescribeOrganization",
        "account:ListRegions"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"ReadOnlyAccess", "/", "v100", "Provides read-only access to AWS services and resources.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:Describe*",
        "iam:Get*",
        "iam:List*",
        "s3:Get*",
        "s3:List*",
        "rds:Describe*",
        "eks:Describe*",
        "eks:List*",
        "cloudwatch:Describe*",
        "cloudwatch:Get*",
        "cloudwatch:List*",
        "logs:Describe*",
        "logs:Get*"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEKSClusterPolicy", "/", "v3",
     "Provides Kubernetes the permissions it requires to manage resources on your behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "autoscaling:DescribeAutoScalingGroups",
        "autoscaling:UpdateAutoScalingGroup",
        "ec2:CreateTags",
        "ec2:Describe*",
        "ec2:ModifyInstanceAttribute",
        "ec2:CreateSecurityGroup",
        "ec2:AuthorizeSecurityGroupIngress",
        "ec2:RevokeSecurityGroupIngress",
        "ec2:DeleteSecurityGroup",
        "elasticloadbalancing:*",
        "kms:DescribeKey"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "iam:CreateServiceLinkedRole",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "iam:AWSServiceName": "elasticloadbalancing.amazonaws.com"
        }
      }
    }
  ]
})"},
    {"AmazonEKSServicePolicy", "/", "v9", "Allows Amazon EKS to manage clusters on your behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateNetworkInterface",
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVpcs",
        "ec2:ModifyNetworkInterfaceAttribute",
        "iam:ListAttachedRolePolicies"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEKSWorkerNodePolicy", "/", "v3", "Allows Amazon EKS worker nodes to connect to Amazon EKS Clusters.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:DescribeInstances",
        "ec2:DescribeRouteTables",
        "ec2:DescribeSecurityGroups",
        "ec2:DescribeSubnets",
        "ec2:DescribeVolumes",
        "ec2:DescribeVpcs",
        "eks:DescribeCluster",
        "eks-auth:AssumeRoleForPodIdentity"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEKS_CNI_Policy", "/", "v6",
     "Provides the Amazon VPC CNI Plugin the permissions it requires to modify the IP address configuration on your "
     "EKS worker nodes.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:AssignPrivateIpAddresses",
        "ec2:AttachNetworkInterface",
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:DescribeInstances",
        "ec2:DescribeNetworkInterfaces",
        "ec2:DetachNetworkInterface",
        "ec2:ModifyNetworkInterfaceAttribute",
        "ec2:UnassignPrivateIpAddresses"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "ec2:CreateTags",
      "Resource": "arn:aws:ec2:*:*:network-interface/*"
    }
  ]
})"},
    {"AmazonEKSVPCResourceController", "/", "v2",
     "Policy used by VPC Resource Controller to manage ENI and IPs for worker nodes.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateNetworkInterfacePermission",
        "ec2:DescribeNetworkInterfaces",
        "ec2:AssignPrivateIpAddresses",
        "ec2:UnassignPrivateIpAddresses"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEC2ContainerRegistryReadOnly", "/", "v3",
     "Provides read-only access to Amazon EC2 Container Registry repositories.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecr:GetAuthorizationToken",
        "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:GetRepositoryPolicy",
        "ecr:DescribeRepositories",
        "ecr:ListImages",
        "ecr:DescribeImages",
        "ecr:BatchGetImage"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEBSCSIDriverPolicy", "/service-role/", "v2",
     "IAM Policy that allows the CSI driver service account to make calls to related services such as EC2 on your "
     "behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateSnapshot",
        "ec2:AttachVolume",
        "ec2:DetachVolume",
        "ec2:ModifyVolume",
        "ec2:DescribeAvailabilityZones",
        "ec2:DescribeInstances",
        "ec2:DescribeSnapshots",
        "ec2:DescribeTags",
        "ec2:DescribeVolumes",
        "ec2:DescribeVolumesModifications"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateVolume",
        "ec2:DeleteVolume",
        "ec2:DeleteSnapshot",
        "ec2:CreateTags"
      ],
      "Resource": [
        "arn:aws:ec2:*:*:volume/*",
        "arn:aws:ec2:*:*:snapshot/*"
      ]
    }
  ]
})"},
    {"AWSBackupServiceRolePolicyForBackup", "/service-role/", "v17",
     "Provides AWS Backup permission to create backups of supported resource types on your behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "rds:AddTagsToResource",
        "rds:CreateDBSnapshot",
        "rds:CopyDBSnapshot",
        "rds:CreateDBClusterSnapshot",
        "rds:CopyDBClusterSnapshot",
        "rds:DescribeDBInstances",
        "rds:DescribeDBClusters",
        "rds:DescribeDBSnapshots",
        "rds:DescribeDBClusterSnapshots",
        "rds:ListTagsForResource",
        "ec2:CreateSnapshot",
        "ec2:DescribeSnapshots",
        "ec2:DescribeVolumes",
        "ec2:CreateTags",
        "elasticache:CreateSnapshot",
        "elasticache:DescribeSnapshots",
        "tag:GetResources"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "kms:DescribeKey",
        "kms:CreateGrant"
      ],
      "Resource": "*",
      "Condition": {
        "Bool": {
          "kms:GrantIsForAWSResource": "true"
        }
      }
    }
  ]
})"},
    {"AWSBackupServiceRolePolicyForRestores", "/service-role/", "v14",
     "Provides AWS Backup permission to perform restores of supported resource types on your behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "rds:RestoreDBInstanceFromDBSnapshot",
        "rds:RestoreDBClusterFromSnapshot",
        "rds:CreateDBInstance",
        "rds:DescribeDBInstances",
        "rds:DescribeDBClusters",
        "rds:DescribeDBSnapshots",
        "rds:DescribeDBClusterSnapshots",
        "rds:AddTagsToResource",
        "ec2:CreateVolume",
        "ec2:DescribeSnapshots",
        "ec2:DescribeVolumes",
        "ec2:CreateTags",
        "elasticache:CreateCacheCluster",
        "elasticache:CreateReplicationGroup"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "iam:PassRole",
      "Resource": "*"
    }
  ]
})"},
    {"AmazonRDSEnhancedMonitoringRole", "/service-role/", "v1",
     "Provides access to Cloudwatch for RDS Enhanced Monitoring.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogGroup",
        "logs:PutRetentionPolicy"
      ],
      "Resource": "arn:aws:logs:*:*:log-group:RDS*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "logs:CreateLogStream",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams",
        "logs:GetLogEvents"
      ],
      "Resource": "arn:aws:logs:*:*:log-group:RDS*:log-stream:*"
    }
  ]
})"},
    {"AmazonSSMManagedInstanceCore", "/", "v2",
     "The policy for Amazon EC2 Role to enable AWS Systems Manager service core functionality.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ssm:DescribeAssociation",
        "ssm:GetDeployablePatchSnapshotForInstance",
        "ssm:GetDocument",
        "ssm:DescribeDocument",
        "ssm:GetManifest",
        "ssm:GetParameter",
        "ssm:GetParameters",
        "ssm:ListAssociations",
        "ssm:ListInstanceAssociations",
        "ssm:PutInventory",
        "ssm:UpdateInstanceInformation",
        "ssmmessages:*",
        "ec2messages:*"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonECSTaskExecutionRolePolicy", "/service-role/", "v1",
     "Provides access to other AWS service resources that are required to run Amazon ECS tasks",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ecr:GetAuthorizationToken",
        "ecr:BatchCheckLayerAvailability",
        "ecr:GetDownloadUrlForLayer",
        "ecr:BatchGetImage",
        "logs:CreateLogStream",
        "logs:PutLogEvents"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"CloudWatchAgentServerPolicy", "/", "v2", "Permissions required to use AmazonCloudWatchAgent on servers",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "cloudwatch:PutMetricData",
        "ec2:DescribeVolumes",
        "ec2:DescribeTags",
        "logs:PutLogEvents",
        "logs:DescribeLogStreams",
        "logs:DescribeLogGroups",
        "logs:CreateLogStream",
        "logs:CreateLogGroup",
        "logs:PutRetentionPolicy"
      ],
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": "ssm:GetParameter",
      "Resource": "arn:aws:ssm:*:*:parameter/AmazonCloudWatch-*"
    }
  ]
})"},
    {"CloudWatchLogsFullAccess", "/", "v2", "Provides full access to CloudWatch Logs",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "logs:*",
      "Resource": "*"
    }
  ]
})"},
    {"AmazonS3ReadOnlyAccess", "/", "v3", "Provides read only access to all buckets via the AWS Management Console.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:Get*",
        "s3:List*",
        "s3:Describe*"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"SecretsManagerReadWrite", "/", "v5",
     "Provides read/write access to AWS Secrets Manager via the AWS Management Console.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "secretsmanager:*",
        "kms:DescribeKey",
        "kms:ListAliases",
        "kms:ListKeys",
        "rds:DescribeDBInstances",
        "rds:DescribeDBClusters",
        "tag:GetResources"
      ],
      "Resource": "*"
    }
  ]
})"},
    {"AmazonEKSServiceRolePolicy", "/aws-service-role/", "v20",
     "Permissions used by Amazon EKS to manage clusters on your behalf.",
     R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "ec2:CreateNetworkInterface",
        "ec2:DeleteNetworkInterface",
        "ec2:Describe*",
        "ec2:ModifyNetworkInterfaceAttribute",
        "iam:GetRole",
        "iam:ListAttachedRolePolicies"
      ],
      "Resource": "*"
    }
  ]
})"},
}};

constexpr std::string_view kArnPrefix = "arn:aws:iam::aws:policy";

}  // namespace

std::span<const AwsManagedPolicy> aws_managed_policies() { return kPolicies; }

std::string aws_managed_policy_arn(const AwsManagedPolicy& policy) {
  return std::string(kArnPrefix) + std::string(policy.path) + std::string(policy.name);
}

const AwsManagedPolicy* find_aws_managed_policy_by_arn(const std::string& arn) {
  if (!arn.starts_with(kArnPrefix)) return nullptr;
  for (const AwsManagedPolicy& p : kPolicies)
    if (aws_managed_policy_arn(p) == arn) return &p;
  return nullptr;
}

std::string aws_managed_policy_id(const AwsManagedPolicy& policy) {
  // FNV-1a of the name, spread over 17 characters of [A-Z0-9].
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : policy.name) h = (h ^ c) * 1099511628211ULL;
  std::string id = "ANPA";
  for (int i = 0; i < 17; ++i) {
    id += kAlphabet[h % 36];
    h = h / 36 + (h % 7 + 1) * 2654435761ULL * static_cast<std::uint64_t>(i + 1);
  }
  return id;
}

}  // namespace understudy::iam

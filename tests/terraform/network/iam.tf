# IAM for the stack: the roles an EKS cluster, its nodes and AWS Backup assume, with
# AWS-managed policies attached, a policy of our own, an inline policy, the nodes'
# instance profile, and the cluster's OpenID Connect provider with a role for pods.
# The provider block and var.endpoint live in main.tf.

data "aws_iam_policy_document" "eks_cluster_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["eks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "eks_cluster" {
  name                 = "understudy-eks-cluster"
  description          = "Assumed by the EKS control plane"
  assume_role_policy   = data.aws_iam_policy_document.eks_cluster_trust.json
  max_session_duration = 7200
  tags = {
    Name = "understudy-eks-cluster"
  }
}

resource "aws_iam_role_policy_attachment" "eks_cluster" {
  role       = aws_iam_role.eks_cluster.name
  policy_arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy"
}

resource "aws_iam_role" "eks_node" {
  name = "understudy-eks-node"
  path = "/eks/"
  # Written as jsonencode rather than a policy document data source: both shapes occur
  # in real stacks, and the provider must see either as unchanged on the next plan.
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ec2.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })
}

resource "aws_iam_role_policy_attachment" "eks_node" {
  for_each = toset([
    "arn:aws:iam::aws:policy/AmazonEKSWorkerNodePolicy",
    "arn:aws:iam::aws:policy/AmazonEKS_CNI_Policy",
    "arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly",
  ])
  role       = aws_iam_role.eks_node.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "eks_node_logs" {
  name = "write-container-logs"
  role = aws_iam_role.eks_node.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid      = "ContainerLogs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"]
      Resource = "arn:aws:logs:*:*:log-group:/aws/eks/*"
    }]
  })
}

resource "aws_iam_policy" "eks_node_secrets" {
  name        = "understudy-eks-node-secrets"
  path        = "/eks/"
  description = "Lets nodes read the application's secrets"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
      Resource = "*"
    }]
  })
  tags = {
    Name = "understudy-eks-node-secrets"
  }
}

resource "aws_iam_role_policy_attachment" "eks_node_secrets" {
  role       = aws_iam_role.eks_node.name
  policy_arn = aws_iam_policy.eks_node_secrets.arn
}

resource "aws_iam_instance_profile" "eks_node" {
  name = "understudy-eks-node"
  role = aws_iam_role.eks_node.name
}

data "aws_iam_policy_document" "backup_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["backup.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "backup" {
  name               = "understudy-backup"
  assume_role_policy = data.aws_iam_policy_document.backup_trust.json
}

resource "aws_iam_role_policy_attachment" "backup" {
  role       = aws_iam_role.backup.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSBackupServiceRolePolicyForBackup"
}

resource "aws_iam_openid_connect_provider" "eks" {
  url             = "https://oidc.eks.us-east-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  client_id_list  = ["sts.amazonaws.com"]
  thumbprint_list = ["9e99a48a9960b14926bb7f3b02e22da2b0ab7280"]
  tags = {
    Name = "understudy-eks-oidc"
  }
}

# A role for a Kubernetes service account (IRSA), trusting the provider above.
data "aws_iam_policy_document" "ebs_csi_trust" {
  statement {
    effect  = "Allow"
    actions = ["sts:AssumeRoleWithWebIdentity"]
    principals {
      type        = "Federated"
      identifiers = [aws_iam_openid_connect_provider.eks.arn]
    }
    condition {
      test     = "StringEquals"
      variable = "${replace(aws_iam_openid_connect_provider.eks.url, "https://", "")}:sub"
      values   = ["system:serviceaccount:kube-system:ebs-csi-controller-sa"]
    }
  }
}

resource "aws_iam_role" "ebs_csi" {
  name               = "understudy-ebs-csi"
  assume_role_policy = data.aws_iam_policy_document.ebs_csi_trust.json
}

resource "aws_iam_role_policy_attachment" "ebs_csi" {
  role       = aws_iam_role.ebs_csi.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonEBSCSIDriverPolicy"
}

output "iam_eks_cluster_role_arn" {
  value = aws_iam_role.eks_cluster.arn
}

output "iam_eks_node_role_arn" {
  value = aws_iam_role.eks_node.arn
}

output "iam_eks_node_instance_profile" {
  value = aws_iam_instance_profile.eks_node.name
}

output "iam_backup_role_arn" {
  value = aws_iam_role.backup.arn
}

output "iam_oidc_provider_arn" {
  value = aws_iam_openid_connect_provider.eks.arn
}

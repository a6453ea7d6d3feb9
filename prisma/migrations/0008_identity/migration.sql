-- CreateEnum
CREATE TYPE "MembershipSource" AS ENUM ('manual', 'groups');

-- AlterTable
ALTER TABLE "app_user" ADD COLUMN     "oidc_issuer" TEXT,
ADD COLUMN     "oidc_subject" TEXT,
ADD COLUMN     "session_version" INTEGER NOT NULL DEFAULT 0,
ALTER COLUMN "password_hash" DROP NOT NULL;

-- AlterTable
ALTER TABLE "workspace_member" ADD COLUMN     "source" "MembershipSource" NOT NULL DEFAULT 'manual';

-- CreateTable
CREATE TABLE "workspace_invite" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "invited_by_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workspace_invite_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "oidc_group_role" (
    "id" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "group_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "oidc_group_role_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "workspace_invite_email_idx" ON "workspace_invite"("email");

-- CreateIndex
CREATE UNIQUE INDEX "workspace_invite_workspace_id_email_key" ON "workspace_invite"("workspace_id", "email");

-- CreateIndex
CREATE INDEX "oidc_group_role_group_name_idx" ON "oidc_group_role"("group_name");

-- CreateIndex
CREATE UNIQUE INDEX "oidc_group_role_workspace_id_group_name_key" ON "oidc_group_role"("workspace_id", "group_name");

-- CreateIndex
CREATE UNIQUE INDEX "app_user_oidc_issuer_oidc_subject_key" ON "app_user"("oidc_issuer", "oidc_subject");

-- AddForeignKey
ALTER TABLE "workspace_invite" ADD CONSTRAINT "workspace_invite_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "oidc_group_role" ADD CONSTRAINT "oidc_group_role_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;


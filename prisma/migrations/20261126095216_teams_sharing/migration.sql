-- AlterTable
ALTER TABLE "invitation" ADD COLUMN     "revokedAt" TIMESTAMP(3);

-- CreateIndex
CREATE UNIQUE INDEX "flow_share_flowId_userId_key" ON "flow_share"("flowId", "userId");

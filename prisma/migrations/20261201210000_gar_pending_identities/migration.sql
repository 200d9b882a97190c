-- CreateTable
CREATE TABLE "gar_pending_identities" (
    "id" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "consumed_at" TIMESTAMP(3),

    CONSTRAINT "gar_pending_identities_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "gar_pending_identities_expires_at_idx" ON "gar_pending_identities"("expires_at");


-- AlterTable
ALTER TABLE "users" ADD COLUMN     "sign_in_lock_count" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "unknown_account_sign_ins" (
    "key_hash" TEXT NOT NULL,
    "failed_sign_in_count" INTEGER NOT NULL DEFAULT 0,
    "blocked_until" TIMESTAMP(3),
    "sign_in_lock_count" INTEGER NOT NULL DEFAULT 0,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "unknown_account_sign_ins_pkey" PRIMARY KEY ("key_hash")
);

-- CreateTable
CREATE TABLE "student_lockouts" (
    "id" SERIAL NOT NULL,
    "school_id" INTEGER NOT NULL,
    "campaign_id" INTEGER NOT NULL,
    "identity_hash" TEXT NOT NULL,
    "first_name" TEXT NOT NULL,
    "last_name" TEXT NOT NULL,
    "blocked_until" TIMESTAMP(3) NOT NULL,
    "unlocked_at" TIMESTAMP(3),
    "unlocked_by_id" INTEGER,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "student_lockouts_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "unknown_account_sign_ins_updated_at_idx" ON "unknown_account_sign_ins"("updated_at");

-- CreateIndex
CREATE INDEX "student_lockouts_school_id_blocked_until_idx" ON "student_lockouts"("school_id", "blocked_until");

-- CreateIndex
CREATE INDEX "student_lockouts_blocked_until_idx" ON "student_lockouts"("blocked_until");

-- CreateIndex
CREATE UNIQUE INDEX "student_lockouts_campaign_id_identity_hash_key" ON "student_lockouts"("campaign_id", "identity_hash");

-- AddForeignKey
ALTER TABLE "student_lockouts" ADD CONSTRAINT "student_lockouts_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_lockouts" ADD CONSTRAINT "student_lockouts_campaign_id_fkey" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "student_lockouts" ADD CONSTRAINT "student_lockouts_unlocked_by_id_fkey" FOREIGN KEY ("unlocked_by_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;


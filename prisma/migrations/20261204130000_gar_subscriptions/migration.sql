-- CreateEnum
CREATE TYPE "GarSubscriptionStatus" AS ENUM ('PENDING', 'ACTIVE', 'FAILED', 'DELETED');

-- CreateTable
CREATE TABLE "gar_subscriptions" (
    "id" SERIAL NOT NULL,
    "school_id" INTEGER NOT NULL,
    "subscription_id" TEXT NOT NULL,
    "uai" TEXT NOT NULL,
    "school_year" INTEGER NOT NULL,
    "starts_on" DATE NOT NULL,
    "end_year" INTEGER NOT NULL,
    "target_audience" TEXT[],
    "desired_present" BOOLEAN NOT NULL DEFAULT true,
    "status" "GarSubscriptionStatus" NOT NULL DEFAULT 'PENDING',
    "failures" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMP(3),
    "last_error_code" TEXT,
    "last_call_at" TIMESTAMP(3),
    "lease_until" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "gar_subscriptions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gar_subscription_calls" (
    "id" SERIAL NOT NULL,
    "subscription_row_id" INTEGER NOT NULL,
    "school_id" INTEGER NOT NULL,
    "operation" TEXT NOT NULL,
    "succeeded" BOOLEAN NOT NULL,
    "http_status" INTEGER,
    "error_code" TEXT,
    "error_detail" TEXT,
    "attempt" INTEGER NOT NULL,
    "started_at" TIMESTAMP(3) NOT NULL,
    "duration_ms" INTEGER NOT NULL,

    CONSTRAINT "gar_subscription_calls_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gar_subscriptions_school_id_key" ON "gar_subscriptions"("school_id");

-- CreateIndex
CREATE UNIQUE INDEX "gar_subscriptions_subscription_id_key" ON "gar_subscriptions"("subscription_id");

-- CreateIndex
CREATE INDEX "gar_subscriptions_status_next_attempt_at_idx" ON "gar_subscriptions"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "gar_subscription_calls_subscription_row_id_started_at_idx" ON "gar_subscription_calls"("subscription_row_id", "started_at");

-- AddForeignKey
ALTER TABLE "gar_subscriptions" ADD CONSTRAINT "gar_subscriptions_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "gar_subscription_calls" ADD CONSTRAINT "gar_subscription_calls_subscription_row_id_fkey" FOREIGN KEY ("subscription_row_id") REFERENCES "gar_subscriptions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


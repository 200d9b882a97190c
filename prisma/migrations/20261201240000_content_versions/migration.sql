-- CreateTable
CREATE TABLE "content_versions" (
    "id" SERIAL NOT NULL,
    "hash" TEXT NOT NULL,
    "summary" JSONB NOT NULL,
    "loaded_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "content_versions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "content_versions_loaded_at_idx" ON "content_versions"("loaded_at");


-- CreateTable
CREATE TABLE "gar_saml_requests" (
    "id" TEXT NOT NULL,
    "return_to" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "consumed_at" TIMESTAMP(3),

    CONSTRAINT "gar_saml_requests_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gar_saml_assertions" (
    "id" TEXT NOT NULL,
    "accepted_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gar_saml_assertions_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "gar_saml_requests_expires_at_idx" ON "gar_saml_requests"("expires_at");

-- CreateIndex
CREATE INDEX "gar_saml_assertions_expires_at_idx" ON "gar_saml_assertions"("expires_at");


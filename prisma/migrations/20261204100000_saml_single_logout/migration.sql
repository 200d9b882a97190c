-- Single logout over SAML (docs/gar.md): a student's SAML sign-in beside the session it opened,
-- the IdP's LogoutRequests already handled, and our own LogoutRequests in gar_saml_requests.
-- AlterTable
ALTER TABLE "gar_saml_requests" ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'AUTHN';

-- CreateTable
CREATE TABLE "gar_saml_logins" (
    "id" TEXT NOT NULL,
    "name_id" TEXT NOT NULL,
    "name_id_format" TEXT,
    "session_index" TEXT,
    "session_id" TEXT,
    "pending_identity_id" TEXT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gar_saml_logins_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "gar_saml_logout_requests" (
    "id" TEXT NOT NULL,
    "received_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "gar_saml_logout_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "gar_saml_logins_session_id_key" ON "gar_saml_logins"("session_id");

-- CreateIndex
CREATE UNIQUE INDEX "gar_saml_logins_pending_identity_id_key" ON "gar_saml_logins"("pending_identity_id");

-- CreateIndex
CREATE INDEX "gar_saml_logins_name_id_idx" ON "gar_saml_logins"("name_id");

-- CreateIndex
CREATE INDEX "gar_saml_logins_expires_at_idx" ON "gar_saml_logins"("expires_at");

-- CreateIndex
CREATE INDEX "gar_saml_logout_requests_expires_at_idx" ON "gar_saml_logout_requests"("expires_at");

-- AddForeignKey
ALTER TABLE "gar_saml_logins" ADD CONSTRAINT "gar_saml_logins_session_id_fkey" FOREIGN KEY ("session_id") REFERENCES "sessions"("id") ON DELETE CASCADE ON UPDATE CASCADE;


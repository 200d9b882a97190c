-- CreateTable
CREATE TABLE "siecle_import_stagings" (
    "id" TEXT NOT NULL,
    "school_id" INTEGER NOT NULL,
    "created_by_id" INTEGER NOT NULL,
    "file_name" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "skipped" JSONB NOT NULL,
    "learner_count" INTEGER NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "siecle_import_stagings_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "siecle_import_staged_learners" (
    "staging_id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "national_student_id" TEXT NOT NULL,
    "siecle_student_id" TEXT,
    "first_name" TEXT NOT NULL,
    "middle_name" TEXT,
    "third_name" TEXT,
    "last_name" TEXT NOT NULL,
    "preferred_last_name" TEXT,
    "sex" TEXT NOT NULL,
    "birthdate" DATE NOT NULL,
    "birth_city_code" TEXT,
    "birth_city" TEXT,
    "birth_province_code" TEXT,
    "birth_country_code" TEXT,
    "mef_code" TEXT,
    "status" TEXT,
    "division" TEXT NOT NULL,

    CONSTRAINT "siecle_import_staged_learners_pkey" PRIMARY KEY ("staging_id","position")
);

-- CreateIndex
CREATE INDEX "siecle_import_stagings_school_id_created_by_id_idx" ON "siecle_import_stagings"("school_id", "created_by_id");

-- CreateIndex
CREATE INDEX "siecle_import_stagings_expires_at_idx" ON "siecle_import_stagings"("expires_at");

-- AddForeignKey
ALTER TABLE "siecle_import_stagings" ADD CONSTRAINT "siecle_import_stagings_school_id_fkey" FOREIGN KEY ("school_id") REFERENCES "schools"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siecle_import_stagings" ADD CONSTRAINT "siecle_import_stagings_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "siecle_import_staged_learners" ADD CONSTRAINT "siecle_import_staged_learners_staging_id_fkey" FOREIGN KEY ("staging_id") REFERENCES "siecle_import_stagings"("id") ON DELETE CASCADE ON UPDATE CASCADE;


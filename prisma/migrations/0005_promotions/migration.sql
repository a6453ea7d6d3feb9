-- Promotions: request revisions (a refresh that finds the target changed starts a new one) and
-- one approval per reviewer and revision, enforced by the database as well as the row lock.
ALTER TABLE "promotion_request" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "promotion_review" ADD COLUMN "revision" INTEGER NOT NULL DEFAULT 1;

CREATE UNIQUE INDEX "promotion_review_one_approval_key"
  ON "promotion_review" ("request_id", "reviewer_id", "revision")
  WHERE "decision" = 'approve';

-- The inbox looks up what each reviewer has reviewed.
CREATE INDEX "promotion_review_reviewer_id_idx" ON "promotion_review"("reviewer_id");

-- AlterTable
ALTER TABLE "run" ADD COLUMN     "interruptions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "lastInterruption" TEXT;

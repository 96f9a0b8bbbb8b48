CREATE SCHEMA "supply";
--> statement-breakpoint
CREATE TYPE "supply"."item_kind" AS ENUM('medicine', 'consumable', 'equipment', 'reagent');--> statement-breakpoint
CREATE TABLE "supply"."item" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"sku" text NOT NULL,
	"name" text NOT NULL,
	"kind" "supply"."item_kind" NOT NULL,
	"unit" text NOT NULL,
	"generic_name" text,
	"form" text,
	"strength" text,
	"reorder_level" integer DEFAULT 0 NOT NULL,
	"reorder_quantity" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "item_sku_unique" UNIQUE("sku")
);

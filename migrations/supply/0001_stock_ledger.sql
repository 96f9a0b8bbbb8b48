CREATE TYPE "supply"."location_kind" AS ENUM('pharmacy', 'ward_cabinet', 'lab', 'store');--> statement-breakpoint
CREATE TYPE "supply"."equipment_status" AS ENUM('in_service', 'out_of_service', 'retired');--> statement-breakpoint
CREATE TYPE "supply"."maintenance_kind" AS ENUM('preventive', 'calibration', 'repair', 'inspection');--> statement-breakpoint
CREATE TYPE "supply"."purchase_order_status" AS ENUM('draft', 'ordered', 'partially_received', 'received', 'cancelled');--> statement-breakpoint
CREATE TYPE "supply"."expiry_stage" AS ENUM('expiring', 'expired');--> statement-breakpoint
CREATE TYPE "supply"."movement_kind" AS ENUM('receive', 'issue', 'dispense', 'transfer', 'adjust', 'expire', 'write_off', 'return');--> statement-breakpoint
CREATE TYPE "supply"."movement_reference" AS ENUM('purchase_order_line', 'delivery', 'prescription', 'patient', 'ward', 'transfer', 'adjustment', 'write_off', 'return');--> statement-breakpoint
CREATE SEQUENCE "supply"."purchase_order_number_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1001 CACHE 1;--> statement-breakpoint
CREATE TABLE "supply"."location" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"facility_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "supply"."location_kind" NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply"."supplier" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"phone" text,
	"lead_time_days" integer DEFAULT 7 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_lead_time_nonnegative" CHECK ("supply"."supplier"."lead_time_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply"."equipment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"serial_number" text NOT NULL,
	"location_id" uuid NOT NULL,
	"status" "supply"."equipment_status" DEFAULT 'in_service' NOT NULL,
	"maintenance_interval_days" integer,
	"last_maintained_on" date,
	"next_maintenance_due" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "equipment_interval_positive" CHECK ("supply"."equipment"."maintenance_interval_days" is null or "supply"."equipment"."maintenance_interval_days" > 0)
);
--> statement-breakpoint
CREATE TABLE "supply"."maintenance_record" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"equipment_id" uuid NOT NULL,
	"performed_on" date NOT NULL,
	"kind" "supply"."maintenance_kind" NOT NULL,
	"notes" text,
	"performed_by" uuid,
	"next_due_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply"."purchase_order" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"number" text DEFAULT ('PO-' || nextval('supply.purchase_order_number_seq')::text) NOT NULL,
	"supplier_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"deliver_to_location_id" uuid NOT NULL,
	"status" "supply"."purchase_order_status" DEFAULT 'draft' NOT NULL,
	"note" text,
	"created_by" uuid,
	"ordered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply"."purchase_order_line" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"purchase_order_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity_ordered" integer NOT NULL,
	"quantity_received" integer DEFAULT 0 NOT NULL,
	"unit_cost_minor" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "purchase_order_line_quantities" CHECK ("supply"."purchase_order_line"."quantity_ordered" > 0 and "supply"."purchase_order_line"."quantity_received" >= 0),
	CONSTRAINT "purchase_order_line_cost_nonnegative" CHECK ("supply"."purchase_order_line"."unit_cost_minor" is null or "supply"."purchase_order_line"."unit_cost_minor" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply"."expiry_alert" (
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"stage" "supply"."expiry_stage" NOT NULL,
	"alerted_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "expiry_alert_pk" PRIMARY KEY("lot_id","location_id","stage")
);
--> statement-breakpoint
CREATE TABLE "supply"."facility_setting" (
	"facility_id" uuid PRIMARY KEY NOT NULL,
	"expiry_window_days" integer DEFAULT 90 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "facility_setting_expiry_window_range" CHECK ("supply"."facility_setting"."expiry_window_days" between 1 and 3650)
);
--> statement-breakpoint
CREATE TABLE "supply"."lot" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_number" text NOT NULL,
	"expires_on" date,
	"supplier_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "supply"."stock_balance" (
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"item_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_balance_pk" PRIMARY KEY("lot_id","location_id"),
	CONSTRAINT "stock_balance_quantity_nonnegative" CHECK ("supply"."stock_balance"."quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply"."stock_level" (
	"item_id" uuid NOT NULL,
	"facility_id" uuid NOT NULL,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"below_reorder" boolean DEFAULT false NOT NULL,
	"low_since" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_level_pk" PRIMARY KEY("item_id","facility_id"),
	CONSTRAINT "stock_level_on_hand_nonnegative" CHECK ("supply"."stock_level"."on_hand" >= 0)
);
--> statement-breakpoint
CREATE TABLE "supply"."stock_movement" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"operation_id" uuid NOT NULL,
	"kind" "supply"."movement_kind" NOT NULL,
	"item_id" uuid NOT NULL,
	"lot_id" uuid NOT NULL,
	"location_id" uuid NOT NULL,
	"quantity" integer NOT NULL,
	"reason" text,
	"reference_type" "supply"."movement_reference" NOT NULL,
	"reference_id" text NOT NULL,
	"patient_id" uuid,
	"actor_id" uuid,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stock_movement_quantity_nonzero" CHECK ("supply"."stock_movement"."quantity" <> 0),
	CONSTRAINT "stock_movement_sign_matches_kind" CHECK (("supply"."stock_movement"."kind" = 'receive' and "supply"."stock_movement"."quantity" > 0) or ("supply"."stock_movement"."kind" in ('issue', 'dispense', 'expire', 'write_off') and "supply"."stock_movement"."quantity" < 0) or "supply"."stock_movement"."kind" in ('transfer', 'adjust', 'return')),
	CONSTRAINT "stock_movement_reason_required" CHECK ("supply"."stock_movement"."kind" not in ('adjust', 'write_off') or length(trim(coalesce("supply"."stock_movement"."reason", ''))) > 0)
);
--> statement-breakpoint
ALTER TABLE "supply"."item" ADD COLUMN "preferred_supplier_id" uuid;--> statement-breakpoint
ALTER TABLE "supply"."item" ADD COLUMN "active" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "supply"."item" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "supply"."equipment" ADD CONSTRAINT "equipment_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."equipment" ADD CONSTRAINT "equipment_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "supply"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."maintenance_record" ADD CONSTRAINT "maintenance_record_equipment_id_equipment_id_fk" FOREIGN KEY ("equipment_id") REFERENCES "supply"."equipment"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."purchase_order" ADD CONSTRAINT "purchase_order_supplier_id_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "supply"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."purchase_order" ADD CONSTRAINT "purchase_order_deliver_to_location_id_location_id_fk" FOREIGN KEY ("deliver_to_location_id") REFERENCES "supply"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."purchase_order_line" ADD CONSTRAINT "purchase_order_line_purchase_order_id_purchase_order_id_fk" FOREIGN KEY ("purchase_order_id") REFERENCES "supply"."purchase_order"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."purchase_order_line" ADD CONSTRAINT "purchase_order_line_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."expiry_alert" ADD CONSTRAINT "expiry_alert_lot_id_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "supply"."lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."expiry_alert" ADD CONSTRAINT "expiry_alert_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "supply"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."lot" ADD CONSTRAINT "lot_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."lot" ADD CONSTRAINT "lot_supplier_id_supplier_id_fk" FOREIGN KEY ("supplier_id") REFERENCES "supply"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_balance" ADD CONSTRAINT "stock_balance_lot_id_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "supply"."lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_balance" ADD CONSTRAINT "stock_balance_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "supply"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_balance" ADD CONSTRAINT "stock_balance_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_level" ADD CONSTRAINT "stock_level_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_movement" ADD CONSTRAINT "stock_movement_item_id_item_id_fk" FOREIGN KEY ("item_id") REFERENCES "supply"."item"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_movement" ADD CONSTRAINT "stock_movement_lot_id_lot_id_fk" FOREIGN KEY ("lot_id") REFERENCES "supply"."lot"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply"."stock_movement" ADD CONSTRAINT "stock_movement_location_id_location_id_fk" FOREIGN KEY ("location_id") REFERENCES "supply"."location"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "location_facility_code_uq" ON "supply"."location" USING btree ("facility_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "supplier_code_uq" ON "supply"."supplier" USING btree ("code");--> statement-breakpoint
CREATE UNIQUE INDEX "equipment_item_serial_uq" ON "supply"."equipment" USING btree ("item_id","serial_number");--> statement-breakpoint
CREATE INDEX "equipment_location_idx" ON "supply"."equipment" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "equipment_due_idx" ON "supply"."equipment" USING btree ("next_maintenance_due");--> statement-breakpoint
CREATE INDEX "maintenance_record_equipment_idx" ON "supply"."maintenance_record" USING btree ("equipment_id","performed_on");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_order_number_uq" ON "supply"."purchase_order" USING btree ("number");--> statement-breakpoint
CREATE INDEX "purchase_order_facility_status_idx" ON "supply"."purchase_order" USING btree ("facility_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "purchase_order_line_item_uq" ON "supply"."purchase_order_line" USING btree ("purchase_order_id","item_id");--> statement-breakpoint
CREATE INDEX "purchase_order_line_item_idx" ON "supply"."purchase_order_line" USING btree ("item_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lot_item_number_uq" ON "supply"."lot" USING btree ("item_id","lot_number");--> statement-breakpoint
CREATE INDEX "lot_item_expires_idx" ON "supply"."lot" USING btree ("item_id","expires_on");--> statement-breakpoint
CREATE INDEX "stock_balance_item_location_idx" ON "supply"."stock_balance" USING btree ("item_id","location_id");--> statement-breakpoint
CREATE INDEX "stock_balance_location_idx" ON "supply"."stock_balance" USING btree ("location_id");--> statement-breakpoint
CREATE INDEX "stock_level_facility_idx" ON "supply"."stock_level" USING btree ("facility_id","below_reorder");--> statement-breakpoint
CREATE INDEX "stock_movement_lot_location_idx" ON "supply"."stock_movement" USING btree ("lot_id","location_id");--> statement-breakpoint
CREATE INDEX "stock_movement_item_idx" ON "supply"."stock_movement" USING btree ("item_id","id");--> statement-breakpoint
CREATE INDEX "stock_movement_location_idx" ON "supply"."stock_movement" USING btree ("location_id","id");--> statement-breakpoint
CREATE INDEX "stock_movement_reference_idx" ON "supply"."stock_movement" USING btree ("reference_type","reference_id");--> statement-breakpoint
CREATE INDEX "stock_movement_operation_idx" ON "supply"."stock_movement" USING btree ("operation_id");--> statement-breakpoint
ALTER TABLE "supply"."item" ADD CONSTRAINT "item_preferred_supplier_id_supplier_id_fk" FOREIGN KEY ("preferred_supplier_id") REFERENCES "supply"."supplier"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "item_preferred_supplier_idx" ON "supply"."item" USING btree ("preferred_supplier_id");--> statement-breakpoint
ALTER TABLE "supply"."item" ADD CONSTRAINT "item_reorder_nonnegative" CHECK ("supply"."item"."reorder_level" >= 0 and "supply"."item"."reorder_quantity" >= 0);--> statement-breakpoint
ALTER TABLE "supply"."item" ADD CONSTRAINT "item_medicine_generic_name" CHECK ("supply"."item"."kind" <> 'medicine' or "supply"."item"."generic_name" is not null);
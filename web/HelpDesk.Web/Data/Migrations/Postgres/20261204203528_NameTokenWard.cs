using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class NameTokenWard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Token",
                table: "ResidentNameTokens",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                collation: "C",
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50);

            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfBirth",
                table: "ResidentNameTokens",
                type: "date",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "ResidentNameTokens",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "",
                collation: "C");

            migrationBuilder.AddColumn<Guid>(
                name: "WardId",
                table: "ResidentNameTokens",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            // Tokens written before this migration get their resident's ward, folded name and birth date.
            migrationBuilder.Sql("""
                UPDATE "ResidentNameTokens" SET
                    "WardId" = (SELECT r."WardId" FROM "Residents" r WHERE r."Id" = "ResidentNameTokens"."ResidentId"),
                    "SearchName" = (SELECT r."SearchName" FROM "Residents" r WHERE r."Id" = "ResidentNameTokens"."ResidentId"),
                    "DateOfBirth" = (SELECT r."DateOfBirth" FROM "Residents" r WHERE r."Id" = "ResidentNameTokens"."ResidentId");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentNameTokens_WardId_Token_SearchName_DateOfBirth_Resi~",
                table: "ResidentNameTokens",
                columns: new[] { "WardId", "Token", "SearchName", "DateOfBirth", "ResidentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResidentNameTokens_WardId_Token_SearchName_DateOfBirth_Resi~",
                table: "ResidentNameTokens");

            migrationBuilder.DropColumn(
                name: "DateOfBirth",
                table: "ResidentNameTokens");

            migrationBuilder.DropColumn(
                name: "SearchName",
                table: "ResidentNameTokens");

            migrationBuilder.DropColumn(
                name: "WardId",
                table: "ResidentNameTokens");

            migrationBuilder.AlterColumn<string>(
                name: "Token",
                table: "ResidentNameTokens",
                type: "character varying(50)",
                maxLength: 50,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(50)",
                oldMaxLength: 50,
                oldCollation: "C");
        }
    }
}

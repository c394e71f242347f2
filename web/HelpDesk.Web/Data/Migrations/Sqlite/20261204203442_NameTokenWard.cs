using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NameTokenWard : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DateOfBirth",
                table: "ResidentNameTokens",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.AddColumn<string>(
                name: "SearchName",
                table: "ResidentNameTokens",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "WardId",
                table: "ResidentNameTokens",
                type: "TEXT",
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
                name: "IX_ResidentNameTokens_WardId_Token_SearchName_DateOfBirth_ResidentId",
                table: "ResidentNameTokens",
                columns: new[] { "WardId", "Token", "SearchName", "DateOfBirth", "ResidentId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ResidentNameTokens_WardId_Token_SearchName_DateOfBirth_ResidentId",
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
        }
    }
}

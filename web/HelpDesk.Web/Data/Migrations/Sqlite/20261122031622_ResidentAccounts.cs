using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ResidentAccounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AccountUserId",
                table: "Residents",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ResidentActivations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ResidentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    IssuedByUserId = table.Column<string>(type: "TEXT", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UsedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ResidentActivations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ResidentActivations_AspNetUsers_IssuedByUserId",
                        column: x => x.IssuedByUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentActivations_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ResidentActivations_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Residents_AccountUserId",
                table: "Residents",
                column: "AccountUserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentActivations_CodeHash",
                table: "ResidentActivations",
                column: "CodeHash");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentActivations_IssuedByUserId",
                table: "ResidentActivations",
                column: "IssuedByUserId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentActivations_ResidentId",
                table: "ResidentActivations",
                column: "ResidentId");

            migrationBuilder.CreateIndex(
                name: "IX_ResidentActivations_SecretHash",
                table: "ResidentActivations",
                column: "SecretHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ResidentActivations_UserId",
                table: "ResidentActivations",
                column: "UserId");

            migrationBuilder.AddForeignKey(
                name: "FK_Residents_AspNetUsers_AccountUserId",
                table: "Residents",
                column: "AccountUserId",
                principalTable: "AspNetUsers",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Residents_AspNetUsers_AccountUserId",
                table: "Residents");

            migrationBuilder.DropTable(
                name: "ResidentActivations");

            migrationBuilder.DropIndex(
                name: "IX_Residents_AccountUserId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "AccountUserId",
                table: "Residents");
        }
    }
}

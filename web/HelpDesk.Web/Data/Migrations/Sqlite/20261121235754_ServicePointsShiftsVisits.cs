using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace HelpDesk.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ServicePointsShiftsVisits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Closures",
                table: "ServicePoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Desks",
                table: "ServicePoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: 2); // points created before desks were counted had two

            migrationBuilder.AddColumn<bool>(
                name: "IsSuspended",
                table: "ServicePoints",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Phone",
                table: "ServicePoints",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Schedule",
                table: "ServicePoints",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "PointAssignments",
                columns: table => new
                {
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    AssignedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PointAssignments", x => new { x.PointId, x.UserId });
                    table.ForeignKey(
                        name: "FK_PointAssignments_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PointAssignments_ServicePoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QueueTickets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SessionOpens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CalledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CalledByVolunteerId = table.Column<string>(type: "TEXT", nullable: true),
                    Desk = table.Column<int>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QueueTickets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_QueueTickets_ServicePoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Shifts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<string>(type: "TEXT", nullable: false),
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SessionDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SessionOpens = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    SessionCloses = table.Column<TimeOnly>(type: "TEXT", nullable: false),
                    CheckedInAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CheckedOutAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAutomatically = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Shifts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Shifts_AspNetUsers_VolunteerId",
                        column: x => x.VolunteerId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Shifts_ServicePoints_PointId",
                        column: x => x.PointId,
                        principalTable: "ServicePoints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Visits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PointId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ShiftId = table.Column<Guid>(type: "TEXT", nullable: false),
                    VolunteerId = table.Column<string>(type: "TEXT", nullable: false),
                    TicketId = table.Column<Guid>(type: "TEXT", nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    ClosedAutomatically = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Visits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Visits_QueueTickets_TicketId",
                        column: x => x.TicketId,
                        principalTable: "QueueTickets",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Visits_Shifts_ShiftId",
                        column: x => x.ShiftId,
                        principalTable: "Shifts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PointAssignments_UserId",
                table: "PointAssignments",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_QueueTickets_PointId_SessionDate_SessionOpens_Number",
                table: "QueueTickets",
                columns: new[] { "PointId", "SessionDate", "SessionOpens", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_PointId_SessionDate",
                table: "Shifts",
                columns: new[] { "PointId", "SessionDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Shifts_VolunteerId_CheckedOutAt",
                table: "Shifts",
                columns: new[] { "VolunteerId", "CheckedOutAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_PointId_OpenedAt",
                table: "Visits",
                columns: new[] { "PointId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Visits_ShiftId",
                table: "Visits",
                column: "ShiftId");

            migrationBuilder.CreateIndex(
                name: "IX_Visits_TicketId",
                table: "Visits",
                column: "TicketId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PointAssignments");

            migrationBuilder.DropTable(
                name: "Visits");

            migrationBuilder.DropTable(
                name: "QueueTickets");

            migrationBuilder.DropTable(
                name: "Shifts");

            migrationBuilder.DropColumn(
                name: "Closures",
                table: "ServicePoints");

            migrationBuilder.DropColumn(
                name: "Desks",
                table: "ServicePoints");

            migrationBuilder.DropColumn(
                name: "IsSuspended",
                table: "ServicePoints");

            migrationBuilder.DropColumn(
                name: "Phone",
                table: "ServicePoints");

            migrationBuilder.DropColumn(
                name: "Schedule",
                table: "ServicePoints");
        }
    }
}

System.Console.WriteLine("Design-time host for EF migrations; see add-migration.sh.");

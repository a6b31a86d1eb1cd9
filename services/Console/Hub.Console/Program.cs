using Hub.Console;
using Hub.Console.Data;
using Hub.ServiceDefaults;
using Hub.ServiceDefaults.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults("console");
builder.AddConsole();

var app = builder.Build();
app.UseConsolePathBase();
app.MapDefaultEndpoints();
app.MapConsole();

return await app.RunAsync<ConsoleDbContext>(args);

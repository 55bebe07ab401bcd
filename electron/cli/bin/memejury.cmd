@echo off
rem The memejury command shipped beside the installed app (resources\bin): the built CLI, run by the
rem Node on PATH (Node ^20.19.0 or >=22.12.0). Add this folder to PATH to type "memejury" anywhere.
where node >nul 2>nul
if errorlevel 1 (
  echo memejury: Node.js is needed to run the command line ^(https://nodejs.org^); the app itself does not need it. 1>&2
  exit /b 1
)
node "%~dp0memejury.mjs" %*
